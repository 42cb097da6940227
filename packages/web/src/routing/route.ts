// The dashboard's addresses: the History API carries the route, and the cluster is in the URL.

/** What the current URL shows. */
export type Route =
  { kind: 'fleet' } | { kind: 'cluster'; cluster: string } | { kind: 'not-found' };

const clusterPath = /^\/clusters\/([^/]+)\/?$/;

/** Reads a route from a pathname. */
export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { kind: 'fleet' };
  const match = clusterPath.exec(pathname);
  if (match?.[1] !== undefined) return { kind: 'cluster', cluster: decodeURIComponent(match[1]) };
  return { kind: 'not-found' };
}

/** The pathname of a cluster's page. */
export function clusterHref(cluster: string): string {
  return `/clusters/${encodeURIComponent(cluster)}`;
}
