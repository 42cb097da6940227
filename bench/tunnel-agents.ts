// `npm run bench tunnel-agents`: how many agents one hub process holds, what each connection costs the hub,
// and how long the whole fleet takes to come back after the hub restarts. Agents run in child processes.
import { spawn } from 'node:child_process';
import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pino } from 'pino';
import { hubSettings, startHub, type RunningHub } from '@flotilla/hub';
import { parseSettings } from '@flotilla/protocol';

const silent = pino({ level: 'silent' });
/** Agents per child process: each end of a connection is one open file, and processes have a limit. */
const agentsPerSwarm = 2500;

function launch(dir: string, port: number): Promise<RunningHub> {
  const config = parseSettings(hubSettings, {
    port: String(port),
    store: `sqlite:${join(dir, 'hub.db')}`,
    logLevel: 'silent',
    heartbeatInterval: '10s',
  });
  return startHub(config, silent, { quiet: true });
}

// Resident memory after a full collection (`npm run bench` runs node with --expose-gc).
function resident(): number {
  globalThis.gc?.();
  return process.memoryUsage().rss;
}

async function waitFor(count: () => number, target: number, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (count() < target && performance.now() - started < timeoutMs)
    await new Promise((r) => setTimeout(r, 50));
  return performance.now() - started;
}

function startSwarm(hubUrl: string, agents: { cluster: string; secret: string }[]) {
  const script = new URL('./tunnel/agent-swarm.ts', import.meta.url).pathname;
  // stderr is shared, so a swarm that fails says why.
  const child = spawn(process.execPath, ['--expose-gc', script], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  child.stdin.write(`${JSON.stringify({ hubUrl, agents })}\n`);
  return child;
}

async function swarmRss(child: ChildProcessByStdio<Writable, Readable, null>): Promise<number> {
  const lines = createInterface({ input: child.stdout });
  child.stdin.write('rss\n');
  const [line] = (await once(lines, 'line')) as [string];
  lines.close();
  return (JSON.parse(line) as { rss: number }).rss;
}

async function register(hub: RunningHub, total: number) {
  const agents: { cluster: string; secret: string }[] = [];
  for (let i = 0; i < total; i++) {
    const cluster = `c-${String(i)}`;
    const secret = await hub.registerCluster(
      { name: cluster, environment: 'dev', labels: {} },
      'bench',
    );
    agents.push({ cluster, secret });
  }
  return agents;
}

/** Connects `FLOTILLA_BENCH_AGENTS` (default 10,000) agents, then restarts the hub under them. */
export async function run(): Promise<string> {
  const total = Number(process.env.FLOTILLA_BENCH_AGENTS ?? '10000');
  const dir = await mkdtemp(join(tmpdir(), 'flotilla-bench-'));
  let hub = await launch(dir, 0);
  const port = Number(new URL(hub.url).port);
  const agents = await register(hub, total);
  const baseline = resident();
  const swarms = [];
  for (let i = 0; i < total; i += agentsPerSwarm)
    swarms.push(startSwarm(hub.url, agents.slice(i, i + agentsPerSwarm)));
  const connectMs = await waitFor(() => hub.hub.sessions.size, total, 300_000);
  const connected = hub.hub.sessions.size;
  const hubPerConnection = (resident() - baseline) / total;
  const swarmBytes = (await Promise.all(swarms.map(swarmRss))).reduce((a, b) => a + b, 0);
  await hub.close();
  hub = await launch(dir, port);
  const backMs = await waitFor(() => hub.hub.sessions.size, total, 300_000);
  const back = hub.hub.sessions.size;
  for (const swarm of swarms) swarm.stdin.end();
  await Promise.all(swarms.map((swarm) => once(swarm, 'exit')));
  await hub.close();
  await rm(dir, { recursive: true, force: true });
  return [
    '# Agents on one hub',
    '',
    `Command: \`npm run bench tunnel-agents\` (\`FLOTILLA_BENCH_AGENTS\` sets the count). One hub process (SQLite store) on 127.0.0.1; the agents are real \`TunnelClient\`s (WebSocket, hello, heartbeats every 10 s, HTTP/2 session) in ${String(swarms.length)} child processes of up to ${String(agentsPerSwarm)} each, so the hub process holds only the hub ends. Goal: 10,000 agents on one hub.`,
    '',
    `- connected: **${String(connected)} of ${String(total)}** in ${(connectMs / 1000).toFixed(1)} s;`,
    `- hub resident memory per connection: **${(hubPerConnection / 1024).toFixed(0)} KiB** (hub RSS after start minus before, over ${String(total)});`,
    `- agent side: ${(swarmBytes / total / 1024).toFixed(0)} KiB resident per agent, whole child processes included;`,
    `- after a hub restart on the same port: **${String(back)} of ${String(total)} back in ${(backMs / 1000).toFixed(1)} s** (goal: all within 60 s; agents back off with full jitter up to 5 s, the hub admits 500 handshakes/s by default).`,
    '',
  ].join('\n');
}
