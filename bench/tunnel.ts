// `npm run bench tunnel`: what the hub → tunnel → agent path costs, side by side with direct
// access to the same simulated API server in the same run.
import type { IncomingMessage } from 'node:http';
import { startFleet, type TestFleet } from '../test/e2e/support/fleet.ts';
import { closeAgents, get, ms, percentile, timeEach, type Target } from './tunnel/measure.ts';
import { measureReconnect } from './tunnel/reconnect.ts';

const cluster = 'bench-1';

function targets(fleet: TestFleet): { direct: Target; hub: Target } {
  const sim = fleet.simulator.cluster(cluster);
  return {
    direct: { url: sim.url, token: sim.token, ca: sim.caCertificate ?? '' },
    hub: {
      url: `${fleet.hub.secureUrl ?? ''}/k8s/clusters/${cluster}`,
      token: fleet.adminToken,
      ca: fleet.hubCa,
    },
  };
}

async function seedLargeList(target: Target, megabytes: number): Promise<void> {
  const value = 'x'.repeat(100_000);
  const { request } = await import('node:https');
  for (let i = 0; i < megabytes * 10; i++) {
    await new Promise<void>((resolve, reject) => {
      const body = JSON.stringify({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: `big-${String(i)}` },
        data: { value },
      });
      const req = request(
        `${target.url}/api/v1/namespaces/default/configmaps`,
        {
          method: 'POST',
          ca: target.ca,
          headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json' },
        },
        (res) => {
          res.resume();
          res.on('end', resolve);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }
}

async function latency(t: { direct: Target; hub: Target }): Promise<string> {
  const path = '/api/v1/namespaces/kube-system';
  await timeEach(200, () => get(t.hub, path));
  const rows: string[] = [];
  for (const [name, target] of Object.entries(t)) {
    const samples = await timeEach(2000, () => get(target, path));
    rows.push(`| ${name} | ${ms(percentile(samples, 50))} | ${ms(percentile(samples, 99))} |`);
  }
  return [
    '### Latency of a small GET (2,000 sequential requests, keep-alive)',
    '',
    '| path | p50 | p99 |',
    '| --- | --- | --- |',
    ...rows,
  ].join('\n');
}

async function throughput(t: { direct: Target; hub: Target }): Promise<string> {
  await seedLargeList(t.direct, 10);
  const rates: Record<string, number> = {};
  for (const [name, target] of Object.entries(t)) {
    let best = 0;
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const bytes = await get(target, '/api/v1/namespaces/default/configmaps');
      best = Math.max(best, bytes / 1e6 / ((performance.now() - started) / 1000));
    }
    rates[name] = best;
  }
  const ratio = (rates.hub ?? 0) / (rates.direct ?? 1);
  return `### A 10 MB list\n\nBest of 5: direct ${(rates.direct ?? 0).toFixed(0)} MB/s, through the hub ${(rates.hub ?? 0).toFixed(0)} MB/s — **${(ratio * 100).toFixed(0)}% of direct** (goal ≥ 80%).`;
}

async function frozenConsumer(t: { direct: Target; hub: Target }): Promise<string> {
  const path = '/api/v1/namespaces/kube-system';
  const before = await timeEach(300, () => get(t.hub, path));
  const frozen: IncomingMessage[] = [];
  // Three big lists whose readers never read: their streams fill their windows and stop.
  for (let i = 0; i < 3; i++)
    void get(t.hub, '/api/v1/namespaces/default/configmaps', (response) =>
      frozen.push(response.pause()),
    ).catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const during = await timeEach(300, () => get(t.hub, path));
  for (const response of frozen) response.destroy();
  return `### Other streams while consumers are frozen\n\nSmall GETs through the hub, p50/p99: ${ms(percentile(before, 50))} / ${ms(percentile(before, 99))} before, ${ms(percentile(during, 50))} / ${ms(percentile(during, 99))} while three 10 MB lists sit unread on the same tunnel.`;
}

/** Runs the tunnel benchmark and returns its Markdown report. */
export async function run(): Promise<string> {
  const fleet = await startFleet([{ name: cluster, environment: 'prod', nodes: 3 }]);
  try {
    const t = targets(fleet);
    const sections = [await latency(t), await throughput(t), await frozenConsumer(t)];
    closeAgents();
    sections.push(await measureReconnect());
    return [
      '# Tunnel benchmark',
      '',
      'Command: `npm run bench tunnel`. "direct" is the simulated API server itself over HTTPS; "hub" is the same request through `/k8s/clusters/{cluster}` (hub → HTTP/2 stream over the agent\'s WebSocket → agent → API server).',
      '',
      ...sections.flatMap((s) => [s, '']),
    ].join('\n');
  } finally {
    closeAgents();
    await fleet.close();
  }
}
