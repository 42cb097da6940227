// Kubeconfig documents for simulated clusters: one cluster, user and context, named after the cluster.
import { stringify } from 'yaml';

/** Where and how to reach one cluster. */
export interface KubeconfigTarget {
  readonly name: string;
  readonly url: string;
  readonly token: string;
  /** PEM of the CA that signed the server's certificate (HTTPS endpoints). */
  readonly caCertificate?: string;
}

function clusterEntry(target: KubeconfigTarget): Record<string, string> {
  if (!target.caCertificate) return { server: target.url };
  const authority = Buffer.from(target.caCertificate).toString('base64');
  return { server: target.url, 'certificate-authority-data': authority };
}

/** A kubeconfig YAML whose single context (the current one) is named after the cluster. */
export function kubeconfigYaml(target: KubeconfigTarget): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: target.name, cluster: clusterEntry(target) }],
    users: [{ name: `${target.name}-admin`, user: { token: target.token } }],
    contexts: [
      { name: target.name, context: { cluster: target.name, user: `${target.name}-admin` } },
    ],
    'current-context': target.name,
    preferences: {},
  });
}
