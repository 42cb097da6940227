// `npm run bench tunnel-memory`: does memory come back after load through the hub? Rounds of
// GETs, watches opened and hung up, exec sessions and an agent dying under open watches; after
// each, a full GC and the heap, RSS and live tunnel streams against the baseline after warm-up.
// Hub, agent and simulator share this process, so the numbers cover all three.
import { startFleet, type TestFleet } from '../test/e2e/support/fleet.ts';
import { kubectl } from '../test/e2e/support/kubectl.ts';
import { hubRequest, openStreaming } from '../test/e2e/support/hub-http.ts';

const cluster = 'mem-1';
const rounds = 6;
const getsPerRound = 3000;
const watchesPerRound = 100;
const execsPerRound = 5;
/** A round stops issuing GETs after this long, whatever the count reached. */
const roundBudgetMs = 60_000;

interface Sample {
  readonly phase: string;
  readonly heapMb: number;
  readonly rssMb: number;
  readonly live: number;
}

const mb = (bytes: number) => bytes / 2 ** 20;

async function settle(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    gc?.();
  }
}

async function liveStreams(fleet: TestFleet): Promise<number> {
  const { body } = await hubRequest(`${fleet.hub.url}/metrics`, fleet.adminToken);
  const lines = body.split('\n').filter((l) => l.startsWith('flotilla_hub_tunnel_streams_live'));
  return lines.reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

async function sample(fleet: TestFleet, phase: string): Promise<Sample> {
  await settle();
  const { heapUsed, rss } = process.memoryUsage();
  return { phase, heapMb: mb(heapUsed), rssMb: mb(rss), live: await liveStreams(fleet) };
}

async function gets(fleet: TestFleet, count: number): Promise<void> {
  const url = `${fleet.hub.url}/k8s/clusters/${cluster}/api/v1/pods`;
  const deadline = Date.now() + roundBudgetMs;
  let next = 0;
  // GETs in flight when the agent is stopped are cut or refused; that is part of the load.
  const worker = async () => {
    while (next++ < count && Date.now() < deadline)
      await hubRequest(url, fleet.adminToken).catch(() => undefined);
  };
  await Promise.all(Array.from({ length: 32 }, worker));
}

async function watches(fleet: TestFleet, count: number): Promise<void> {
  const url = `${fleet.hub.url}/k8s/clusters/${cluster}/api/v1/pods?watch=true`;
  const open = await Promise.all(
    Array.from({ length: count }, () => openStreaming(url, fleet.adminToken)),
  );
  for (const watch of open) watch.cancel();
}

async function execs(fleet: TestFleet, pod: string, count: number): Promise<void> {
  const args = ['exec', pod, '-n', 'default', '--', 'echo', 'hi'];
  await Promise.all(Array.from({ length: count }, () => kubectl(fleet.kubeconfig, cluster, args)));
}

async function agentDies(fleet: TestFleet): Promise<void> {
  const url = `${fleet.hub.url}/k8s/clusters/${cluster}/api/v1/pods?watch=true`;
  const open = await Promise.all(
    Array.from({ length: 10 }, () => openStreaming(url, fleet.adminToken)),
  );
  // Cut or ended cleanly, either way each one closes ('error' before 'close' is fine).
  const ended = open.map(
    ({ response }) => new Promise((resolve) => response.once('close', resolve)),
  );
  await fleet.agents.get(cluster)?.close();
  await Promise.all(ended);
  await fleet.startAgent(cluster);
  await fleet.waitConnected(1);
}

async function firstPod(fleet: TestFleet): Promise<string> {
  const args = ['get', 'pods', '-n', 'default', '-o', 'jsonpath={.items[0].metadata.name}'];
  for (let i = 0; i < 100; i++) {
    const pod = (await kubectl(fleet.kubeconfig, cluster, args)).stdout.trim();
    if (pod !== '') return pod;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no pod in ${cluster}`);
}

async function measure(fleet: TestFleet): Promise<Sample[]> {
  const pod = await firstPod(fleet);
  await gets(fleet, 500);
  await watches(fleet, 20);
  await execs(fleet, pod, 2);
  const samples = [await sample(fleet, 'baseline (after warm-up)')];
  for (let round = 1; round <= rounds; round++) {
    await Promise.all([
      gets(fleet, getsPerRound),
      watches(fleet, watchesPerRound),
      execs(fleet, pod, execsPerRound),
      agentDies(fleet),
    ]);
    samples.push(await sample(fleet, `after round ${String(round)}`));
  }
  return samples;
}

function table(samples: readonly Sample[]): string {
  const base = samples[0];
  const delta = (value: number, from: number | undefined) =>
    `${value - (from ?? value) >= 0 ? '+' : ''}${(value - (from ?? value)).toFixed(1)}`;
  const rows = samples.map(
    (s) =>
      `| ${s.phase} | ${s.heapMb.toFixed(1)} | ${delta(s.heapMb, base?.heapMb)} | ${s.rssMb.toFixed(0)} | ${delta(s.rssMb, base?.rssMb)} | ${String(s.live)} |`,
  );
  return [
    '| phase | heap used (MiB) | Δ heap | RSS (MiB) | Δ RSS | live tunnel streams |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** Runs the rounds and returns the Markdown report. */
export async function run(): Promise<string> {
  const hasGc = typeof (globalThis as { gc?: unknown }).gc === 'function';
  const fleet = await startFleet([
    {
      name: cluster,
      environment: 'dev',
      nodes: 1,
      workloads: [{ name: 'web', namespace: 'default', tier: 'web', replicas: 1 }],
    },
  ]);
  try {
    const samples = await measure(fleet);
    return [
      '## Memory after load (`npm run bench tunnel-memory`, node --expose-gc)',
      '',
      `Each round: ${String(getsPerRound)} GETs (32 at a time), ${String(watchesPerRound)} watches opened then hung up, ${String(execsPerRound)} \`kubectl exec\`, and 10 open watches whose agent is stopped and restarted. Heap after three GCs; hub, agent and simulator share the process.${hasGc ? '' : ' **Run without --expose-gc: heap figures include garbage.**'}`,
      '',
      table(samples),
      '',
      'Read: the heap back within a few MiB of the baseline after every round, and no live stream, mean the load left nothing behind. RSS grows once, in the first round, and then stays flat: V8 and the allocator keep the pages they grew into; a leak would show as RSS and heap climbing round after round.',
      '',
    ].join('\n');
  } finally {
    await fleet.close();
  }
}
