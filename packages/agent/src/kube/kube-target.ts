// Where and how the agent reaches its own API server: URL, TLS material and bearer token, taken
// from its kubeconfig (in a pod: the service account) fresh for each request, as tokens rotate.
import type { OutgoingHttpHeaders } from 'node:http';
import type { RequestOptions } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';

/** What one request to the API server needs: TLS material and the credential headers. */
export interface KubeAccess {
  readonly tls: Pick<RequestOptions, 'ca' | 'cert' | 'key' | 'rejectUnauthorized'>;
  readonly headers: OutgoingHttpHeaders;
}

export interface KubeTarget {
  readonly server: URL;
  access(): Promise<KubeAccess>;
}

// client-node sets headers as an object; the type also allows a raw array, which we never get.
function headerObject(headers: RequestOptions['headers']): OutgoingHttpHeaders {
  if (headers === undefined || Array.isArray(headers)) return {};
  return Object.fromEntries(Object.entries(headers as OutgoingHttpHeaders));
}

// Service-account tokens rotate on the order of an hour; reading them for every request cost
// more than the request itself.
const accessTtlMs = 30_000;

function cached<T>(ttlMs: number, load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  let loadedAt = 0;
  return () => {
    if (value === undefined || Date.now() - loadedAt > ttlMs) {
      loadedAt = Date.now();
      value = load().catch((error: unknown) => {
        value = undefined;
        throw error;
      });
    }
    return value;
  };
}

/** The current cluster of `kubeConfig`. */
export function kubeTarget(kubeConfig: KubeConfig): KubeTarget {
  const cluster = kubeConfig.getCurrentCluster();
  if (cluster === null) throw new Error('kubeconfig has no current cluster');
  const server = new URL(cluster.server);
  return {
    server,
    access: cached(accessTtlMs, async () => {
      const options: RequestOptions = {};
      await kubeConfig.applyToHTTPSOptions(options);
      const { ca, cert, key, rejectUnauthorized } = options;
      return { tls: { ca, cert, key, rejectUnauthorized }, headers: headerObject(options.headers) };
    }),
  };
}
