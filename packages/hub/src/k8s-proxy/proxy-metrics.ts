// Metrics of the Kubernetes proxy. Streams balance: opened = closed + live, always.
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export interface ProxyMetrics {
  /** Call when a tunnel stream opens; call the returned function exactly once when it closes. */
  streamOpened(cluster: string): () => void;
  requestDone(cluster: string, verb: string, status: number, seconds: number): void;
}

/** Registers the proxy's metrics on `registry`. */
export function createProxyMetrics(registry: Registry): ProxyMetrics {
  const opened = new Counter({
    name: 'flotilla_hub_tunnel_streams_opened_total',
    help: 'Tunnel streams opened, by cluster',
    labelNames: ['cluster'],
    registers: [registry],
  });
  const closed = new Counter({
    name: 'flotilla_hub_tunnel_streams_closed_total',
    help: 'Tunnel streams closed, by cluster',
    labelNames: ['cluster'],
    registers: [registry],
  });
  const live = new Gauge({
    name: 'flotilla_hub_tunnel_streams_live',
    help: 'Tunnel streams open now, by cluster',
    labelNames: ['cluster'],
    registers: [registry],
  });
  const requests = new Histogram({
    name: 'flotilla_hub_proxy_request_duration_seconds',
    help: 'Proxied Kubernetes requests by cluster, verb and status',
    labelNames: ['cluster', 'verb', 'status'],
    registers: [registry],
  });
  return {
    streamOpened(cluster) {
      opened.inc({ cluster });
      live.inc({ cluster });
      let isClosed = false;
      return () => {
        if (isClosed) return;
        isClosed = true;
        closed.inc({ cluster });
        live.dec({ cluster });
      };
    },
    requestDone: (cluster, verb, status, seconds) =>
      requests.observe({ cluster, verb, status }, seconds),
  };
}
