// The agent's own probe and metrics endpoints, for the kubelet and Prometheus in its cluster.
import Fastify, { type FastifyInstance } from 'fastify';
import { Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { FlotillaError, statusOf, toErrorBody } from '@flotilla/protocol';
import type { TunnelClient } from '../tunnel/tunnel-client.ts';

/** Serves `/healthz` (process alive), `/readyz` (tunnel connected) and `/metrics`. */
export function buildHealthServer(tunnel: TunnelClient, cluster: string): FastifyInstance {
  const app = Fastify();
  const registry = new Registry();
  registry.setDefaultLabels({ cluster });
  collectDefaultMetrics({ register: registry, prefix: 'flotilla_agent_' });
  new Gauge({
    name: 'flotilla_agent_tunnel_connected',
    help: '1 while the tunnel to the hub is up',
    registers: [registry],
    collect() {
      this.set(tunnel.state === 'connected' ? 1 : 0);
    },
  });
  app.setErrorHandler(
    (error, _request, reply) => void reply.status(statusOf(error)).send(toErrorBody(error)),
  );
  app.get('/healthz', () => ({ status: 'ok' }));
  app.get('/readyz', () => {
    if (tunnel.state !== 'connected')
      throw new FlotillaError('not_ready', `tunnel is ${tunnel.state}`);
    return { status: 'ready' };
  });
  app.get('/metrics', async (_request, reply) => {
    void reply.type(registry.contentType);
    return registry.metrics();
  });
  return app;
}
