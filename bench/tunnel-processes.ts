// `npm run bench tunnel-processes`: the tunnel's throughput and added latency with the hub, the
// agent and the API server each in a process of its own, as in production, side by side with
// direct access to the same API server in the same run. This process is the client.
import { availableParallelism, totalmem } from 'node:os';
import { closeAgents, get, ms, percentile } from './tunnel/measure.ts';
import { seedLargeList } from './tunnel/seed.ts';
import { withLayout, type Layout } from './tunnel-processes/layout.ts';
import {
  elapsed,
  interleaved,
  listSample,
  processNames,
  type ListSample,
  type PathName,
} from './tunnel-processes/sampling.ts';

const listPath = '/api/v1/namespaces/default/configmaps';
const smallPath = '/api/v1/namespaces/kube-system';
const listRuns = 7;

async function latency(layout: Layout): Promise<string> {
  await interleaved(layout, { count: 200, budgetMs: 30_000 }, (t) => get(t, smallPath));
  const bounds = { count: 2000, budgetMs: 120_000 };
  const samples = await interleaved(layout, bounds, (t) => elapsed(() => get(t, smallPath)));
  const p = (name: PathName, at: number) => percentile(samples[name], at);
  const row = (name: PathName) => `| ${name} | ${ms(p(name, 50))} | ${ms(p(name, 99))} |`;
  return [
    `### Latency of a small GET (${String(samples.hub.length)} requests per path, interleaved, keep-alive)`,
    '',
    '| path | p50 | p99 |',
    '| --- | --- | --- |',
    row('direct'),
    row('hub'),
    '',
    `Added by the hub: **${ms(p('hub', 50) - p('direct', 50))} at p50**, ${ms(p('hub', 99) - p('direct', 99))} at p99 (goal < 1 ms at p50).`,
  ].join('\n');
}

function summary(samples: readonly ListSample[]) {
  const rates = samples.map((s) => s.rate);
  const cpu = (name: (typeof processNames)[number]) =>
    percentile(
      samples.map((s) => s.cpuMs[name]),
      50,
    );
  return { best: Math.max(...rates), median: percentile(rates, 50), cpu };
}

async function throughput(layout: Layout): Promise<string> {
  await seedLargeList(layout.direct, 10);
  const call = (t: Layout['direct']) => listSample(layout, t, listPath);
  await interleaved(layout, { count: 2, budgetMs: 60_000 }, call);
  const samples = await interleaved(layout, { count: listRuns, budgetMs: 180_000 }, call);
  const direct = summary(samples.direct);
  const hub = summary(samples.hub);
  const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(0)}%`;
  const cpuCells = (r: typeof hub) => processNames.map((n) => `${r.cpu(n).toFixed(0)} ms`);
  const row = (name: PathName, r: typeof hub) =>
    `| ${name} | ${r.best.toFixed(0)} MB/s | ${r.median.toFixed(0)} MB/s | ${cpuCells(r).join(' | ')} |`;
  return [
    `### A 10 MB list (${String(samples.hub.length)} runs per path, interleaved, after 2 warm-up runs each)`,
    '',
    `| path | best | median | ${processNames.map((n) => `CPU ${n}`).join(' | ')} |`,
    '| --- | --- | --- | --- | --- | --- | --- |',
    row('direct', direct),
    row('hub', hub),
    '',
    `Through the hub: **${pct(hub.best, direct.best)} of direct at best, ${pct(hub.median, direct.median)} at the median** (goal ≥ 80%).`,
    '',
    'CPU columns: the median per list of each process, read from `/proc/<pid>/stat` before and after each list (in 10 ms ticks, so the figure for one list is coarse). The client column is this process.',
  ].join('\n');
}

function layoutText(): string {
  const cores = availableParallelism();
  const gib = Math.round(totalmem() / 2 ** 30);
  return [
    'Command: `npm run bench tunnel-processes`. Four processes on 127.0.0.1, each its own Node 24 (`process.execPath`):',
    '',
    '- **simulator**: one simulated cluster (HTTPS), seeded with 100 ConfigMaps of 100 kB, so one list is 10 MB (as `npm run bench tunnel`);',
    '- **hub**: `startHub` with a SQLite store in a temp directory and a TLS certificate from a CA of the bench; the cluster registered, its credential written to a file;',
    "- **agent**: the real `flotilla agent` command, with the simulated cluster's kubeconfig, the credential file and `--hub-url https://127.0.0.1:<port>`, so it dials `wss://` (trusting the hub's CA through `NODE_EXTRA_CA_CERTS`);",
    '- **client**: this process. "direct" GETs the simulated API server itself; "hub" GETs the same path through `/k8s/clusters/bench-1` as the bootstrap admin (client → hub over TLS → HTTP/2 stream over the agent\'s wss:// WebSocket → agent → API server over TLS). Both over kept-alive HTTPS connections, alternating request by request.',
    '',
    `Machine: ${String(cores)} cores, ${String(gib)} GiB, Node ${process.version}. **Four busy processes share ${String(cores)} cores**: during a hub list the client, the hub, the agent and the API server all work at once, while a direct list keeps only two of them busy. In production the hub, the agent and the API server are on different machines, so neither number below is a production figure; the ratio is a lower bound for a layout with a core per process.`,
  ].join('\n');
}

/** Runs the benchmark and returns its Markdown report. */
export async function run(): Promise<string> {
  const sections = await withLayout(async (layout) => {
    try {
      return [await latency(layout), await throughput(layout)];
    } finally {
      // Client connections go before the servers do, so no server waits on an idle socket.
      closeAgents();
    }
  });
  return `${['# Tunnel benchmark, one process per part', layoutText(), ...sections].join('\n\n')}\n`;
}
