// Many agents on one hub: how long they take to connect, what a connection costs in memory, and
// how long the whole fleet takes to come back after the hub restarts.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { hubSettings, startHub, type RunningHub } from '@flotilla/hub';
import { TunnelClient, fullJitterBackoff } from '@flotilla/agent';
import { parseSettings } from '@flotilla/protocol';

const silent = pino({ level: 'silent' });

function launch(dir: string, port: number): Promise<RunningHub> {
  const config = parseSettings(hubSettings, {
    port: String(port),
    store: `sqlite:${join(dir, 'hub.db')}`,
    logLevel: 'silent',
    heartbeatInterval: '10s',
  });
  return startHub(config, silent, { quiet: true });
}

function lightAgent(hubUrl: string, cluster: string, secret: string): TunnelClient {
  return new TunnelClient({
    hubUrl,
    heartbeatIntervalMs: 10_000,
    giveUpAfterMs: 600_000,
    backoff: fullJitterBackoff(250, 5000),
    logger: silent,
    credential: () => Promise.resolve(secret),
    hello: () =>
      Promise.resolve({
        type: 'hello',
        cluster,
        agentVersion: 'bench',
        kubernetesVersion: 'v1.32.0',
        nodeCount: 1,
      }),
    handleStream: (stream) => stream.respond({ ':status': 404 }, { endStream: true }),
  });
}

async function waitFor(count: () => number, target: number, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (count() < target && performance.now() - started < timeoutMs)
    await new Promise((r) => setTimeout(r, 50));
  return performance.now() - started;
}

// Resident memory after a full collection (`npm run bench` runs node with --expose-gc).
const resident = () => {
  globalThis.gc?.();
  return process.memoryUsage().rss;
};

/** Connects `FLOTILLA_BENCH_AGENTS` (default 2,000) agents, then restarts the hub under them. */
export async function measureReconnect(): Promise<string> {
  const total = Number(process.env.FLOTILLA_BENCH_AGENTS ?? '2000');
  const dir = await mkdtemp(join(tmpdir(), 'flotilla-bench-'));
  let hub = await launch(dir, 0);
  const port = Number(new URL(hub.url).port);
  const secrets: string[] = [];
  for (let i = 0; i < total; i++)
    secrets.push(
      await hub.registerCluster(
        { name: `c-${String(i)}`, environment: 'dev', labels: {} },
        'bench',
      ),
    );
  const baseline = resident();
  const agents = secrets.map((secret, i) => lightAgent(hub.url, `c-${String(i)}`, secret));
  for (const agent of agents) agent.start();
  const connectMs = await waitFor(() => hub.hub.sessions.size, total, 120_000);
  const perConnection = (resident() - baseline) / total;
  const connected = hub.hub.sessions.size;
  await hub.close();
  hub = await launch(dir, port);
  const backMs = await waitFor(() => hub.hub.sessions.size, total, 120_000);
  const back = hub.hub.sessions.size;
  await Promise.all(agents.map((agent) => agent.stop()));
  await hub.close();
  await rm(dir, { recursive: true, force: true });
  return [
    `### ${String(total)} agents on one hub process`,
    '',
    `- connected: ${String(connected)} of ${String(total)} in ${(connectMs / 1000).toFixed(1)} s;`,
    `- resident memory per connection, hub and agent ends together (one process): ${(perConnection / 1024).toFixed(0)} KiB;`,
    `- after a hub restart: ${String(back)} of ${String(total)} back in ${(backMs / 1000).toFixed(1)} s (goal: all within 60 s; agents are told to spread their return over 5 s).`,
    '',
    'Set `FLOTILLA_BENCH_AGENTS=10000` for the full-size run (the goal is 10,000 on one hub).',
  ].join('\n');
}
