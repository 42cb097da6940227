// Serves the built dashboard at `/`, with index.html for client-side routes.
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

const serverPrefixes = ['/api/', '/k8s/', '/metrics', '/healthz', '/readyz'];

/** True when a GET for `url` should get the single-page app rather than a JSON 404. */
export function isDashboardRoute(method: string, url: string): boolean {
  return method === 'GET' && !serverPrefixes.some((prefix) => url.startsWith(prefix));
}

/** Registers the static files of `dir`. */
export async function installDashboard(app: FastifyInstance, dir: string): Promise<void> {
  await app.register(fastifyStatic, { root: dir, wildcard: false, index: ['index.html'] });
}
