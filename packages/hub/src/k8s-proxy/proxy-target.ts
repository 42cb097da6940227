// Reads `/k8s/clusters/{cluster}/{rest}` off the raw request URL, refusing anything that could
// make one cluster's path reach another: encoded slashes, dot segments, an encoded cluster name.
import { FlotillaError, isClusterName } from '@flotilla/protocol';

/** Where a proxied request goes: the cluster and the API server path (raw, query included). */
export interface ProxyTarget {
  readonly cluster: string;
  readonly path: string;
}

const prefix = '/k8s/clusters/';
const encodedSeparator = /%(2f|5c)/i;

function isDotSegment(segment: string): boolean {
  const decoded = segment.replace(/%2e/gi, '.');
  return decoded === '.' || decoded === '..';
}

function invalid(message: string): FlotillaError {
  return new FlotillaError('invalid_request', message);
}

/** Parses the raw URL of a proxied request; throws `invalid_request` on any trick. */
export function parseProxyTarget(rawUrl: string): ProxyTarget {
  const queryAt = rawUrl.indexOf('?');
  const pathname = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
  const query = queryAt === -1 ? '' : rawUrl.slice(queryAt);
  if (!pathname.startsWith(prefix)) throw invalid('not a cluster path');
  if (encodedSeparator.test(pathname) || pathname.includes('\\'))
    throw invalid('encoded path separators are not allowed');
  const [cluster = '', ...rest] = pathname.slice(prefix.length).split('/');
  if (!isClusterName(cluster))
    throw invalid(`invalid cluster name in path: ${JSON.stringify(cluster)}`);
  if (rest.some(isDotSegment)) throw invalid('dot segments are not allowed in paths');
  return { cluster, path: `/${rest.join('/')}${query}` };
}
