// Tunnel metrics: live sessions and connection outcomes.
import { Counter, Gauge, type Registry } from 'prom-client';
import type { SessionRegistry } from './sessions.ts';

export type RefusalReason = 'unauthenticated' | 'forbidden' | 'protocol_error' | 'rate_limited';

/** What the tunnel server reports. */
export interface TunnelMetrics {
  accepted(): void;
  refused(reason: RefusalReason): void;
}

/** Registers the tunnel metrics on `registry`. */
export function createTunnelMetrics(registry: Registry, sessions: SessionRegistry): TunnelMetrics {
  new Gauge({
    name: 'flotilla_hub_tunnel_sessions',
    help: 'Agents connected now',
    registers: [registry],
    collect() {
      this.set(sessions.size);
    },
  });
  const connections = new Counter({
    name: 'flotilla_hub_tunnel_connections_total',
    help: 'Agent connection attempts by result',
    labelNames: ['result'],
    registers: [registry],
  });
  return {
    accepted: () => connections.inc({ result: 'accepted' }),
    refused: (reason) => connections.inc({ result: reason }),
  };
}
