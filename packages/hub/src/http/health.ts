// Liveness and readiness: `/healthz` answers while the process runs, `/readyz` only while it serves.
import type { FastifyInstance } from 'fastify';
import { FlotillaError } from '@flotilla/protocol';

/** Reports whether the hub can serve (store open, not shutting down). */
export type ReadinessCheck = () => Promise<boolean>;

/** Installs `/healthz` and `/readyz`. */
export function installHealth(app: FastifyInstance, isReady: ReadinessCheck): void {
  app.get('/healthz', () => ({ status: 'ok' }));
  app.get('/readyz', async () => {
    if (!(await isReady())) throw new FlotillaError('not_ready', 'hub is not ready');
    return { status: 'ready' };
  });
}
