// Kubeconfig files: one context per cluster, named after it.
import { stringify } from 'yaml';

export interface KubeconfigCluster {
  readonly name: string;
  readonly server: string;
}

/** A kubeconfig whose contexts all use one bearer token; the first cluster is the current context. */
export function kubeconfigYaml(
  clusters: readonly KubeconfigCluster[],
  user: string,
  token: string,
): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: clusters.map((c) => ({ name: c.name, cluster: { server: c.server } })),
    users: [{ name: user, user: { token } }],
    contexts: clusters.map((c) => ({ name: c.name, context: { cluster: c.name, user } })),
    'current-context': clusters[0]?.name ?? '',
  });
}

/** The kubeconfig a hub user gets: every cluster reached through the hub's Kubernetes proxy. */
export function hubKubeconfig(
  hubUrl: string,
  clusterNames: readonly string[],
  user: string,
  token: string,
): string {
  const clusters = clusterNames.map((name) => ({ name, server: `${hubUrl}/k8s/clusters/${name}` }));
  return kubeconfigYaml(clusters, user, token);
}
