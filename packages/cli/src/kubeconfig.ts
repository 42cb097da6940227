// Kubeconfig files: one context per cluster, named after it.
import { stringify } from 'yaml';

export interface KubeconfigCluster {
  readonly name: string;
  readonly server: string;
  /** PEM of the CA to trust for `server`. */
  readonly caPem?: string;
}

function clusterEntry(c: KubeconfigCluster) {
  const ca =
    c.caPem === undefined
      ? {}
      : { 'certificate-authority-data': Buffer.from(c.caPem).toString('base64') };
  return { name: c.name, cluster: { server: c.server, ...ca } };
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
    clusters: clusters.map(clusterEntry),
    users: [{ name: user, user: { token } }],
    contexts: clusters.map((c) => ({ name: c.name, context: { cluster: c.name, user } })),
    'current-context': clusters[0]?.name ?? '',
  });
}

/** The kubeconfig a hub user gets: every cluster through the hub's proxy, trusting `caPem`. */
export function hubKubeconfig(
  hubUrl: string,
  clusterNames: readonly string[],
  access: { user: string; token: string; caPem?: string | undefined },
): string {
  const clusters = clusterNames.map((name) => ({
    name,
    server: `${hubUrl}/k8s/clusters/${name}`,
    ...(access.caPem === undefined ? {} : { caPem: access.caPem }),
  }));
  return kubeconfigYaml(clusters, access.user, access.token);
}
