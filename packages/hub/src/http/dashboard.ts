// Serves the built dashboard at `/`, with index.html for client-side routes such as
// /clusters/<name>; hashed assets are cached forever, the page itself never.
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';

// Paths that never fall back to the page: server routes, and assets that must 404 when missing.
const serverPrefixes = ['/api/', '/k8s/', '/metrics', '/healthz', '/readyz', '/assets/'];

/** True when a GET for `url` should get the single-page app rather than a JSON 404. */
export function isDashboardRoute(method: string, url: string): boolean {
  return (
    (method === 'GET' || method === 'HEAD') &&
    !serverPrefixes.some((prefix) => url.startsWith(prefix))
  );
}

function cacheHeaders(reply: FastifyReply, path: string): void {
  const isHashedAsset = path.includes('/assets/');
  void reply.header(
    'cache-control',
    isHashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
  );
}

/** Registers the static files of `dir`. */
export async function installDashboard(app: FastifyInstance, dir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: dir,
    wildcard: false,
    index: ['index.html'],
    cacheControl: false,
    setHeaders: cacheHeaders,
  });
}
