// `npm run bench simulator`: 10 simulated clusters × 2,000 pods in one process — memory per pod, list latency,
// watch fan-out to 100 watchers and pod creations per second, without and through an admission webhook.
import { startSimulator } from '../packages/simulator/src/index.ts';
import type { ClusterSpec, Simulator } from '../packages/simulator/src/index.ts';
import {
  patchAnswer,
  startWebhookServer,
} from '../packages/simulator/src/testing/webhook-server.ts';
import type { WebhookServer } from '../packages/simulator/src/testing/webhook-server.ts';
import { send, targetOf, watch } from './simulator/client.ts';
import type { Target, WatchHandle } from './simulator/client.ts';
import { ms, percentile, settledHeap, timeEach } from './simulator/measure.ts';
import { roomyNode, smallPodDeployments } from './simulator/workloads.ts';

const clusterCount = 10;
const deploymentsPerCluster = 20;
const replicas = 100;
const podsPerCluster = deploymentsPerCluster * replicas;
const tableAccept = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

/** One benchmark cluster: 20 roomy nodes and 20 deployments of 100 small pods in `bench`. */
function clusterSpec(index: number, withWorkloads: boolean): ClusterSpec {
  const workloads = smallPodDeployments(deploymentsPerCluster, replicas);
  return {
    name: `bench-${String(index + 1)}`,
    environment: 'dev',
    nodes: 20,
    nodeCapacity: roomyNode,
    namespaces: ['bench', 'load', 'hooked'],
    workloads: withWorkloads ? workloads : [],
  };
}

async function fleet(
  withWorkloads: boolean,
): Promise<{ simulator: Simulator; heapDelta: number; startMs: number }> {
  const before = settledHeap();
  const started = performance.now();
  const clusters = Array.from({ length: clusterCount }, (_, i) => clusterSpec(i, withWorkloads));
  const simulator = await startSimulator({ clusters });
  const startMs = performance.now() - started;
  return { simulator, heapDelta: settledHeap() - before, startMs };
}

async function memoryPerPod(): Promise<{ simulator: Simulator; lines: string[] }> {
  const empty = await fleet(false);
  await empty.simulator.close();
  const full = await fleet(true);
  const pods = clusterCount * podsPerCluster;
  const perPod = (full.heapDelta - empty.heapDelta) / pods;
  const lines = [
    '### Memory',
    '',
    '| fleet | heap after start | start time |',
    '| ----- | ---------------- | ---------- |',
    `| ${String(clusterCount)} clusters, no workloads | ${mib(empty.heapDelta)} | ${ms(empty.startMs)} |`,
    `| ${String(clusterCount)} clusters × ${podsPerCluster.toLocaleString('en')} pods | ${mib(full.heapDelta)} | ${ms(full.startMs)} |`,
    '',
    `**${(perPod / 1024).toFixed(1)} KiB per pod** (heap difference / ${pods.toLocaleString('en')} pods; each pod brings its ReplicaSet share, two Events and its watch-history entries). Process RSS after start: ${mib(process.memoryUsage().rss)}.`,
    '',
  ];
  return { simulator: full.simulator, lines };
}

function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MiB`;
}

async function listLatency(target: Target): Promise<string[]> {
  const path = '/api/v1/namespaces/bench/pods';
  const count = JSON.parse((await send(target, 'GET', path)).body) as { items: unknown[] };
  const rows: string[] = [];
  for (const [name, accept] of [
    ['JSON', 'application/json'],
    ['Table', tableAccept],
  ] as const) {
    await timeEach(3, 10_000, async () => void (await send(target, 'GET', path, { accept })));
    const samples = await timeEach(
      40,
      60_000,
      async () => void (await send(target, 'GET', path, { accept })),
    );
    rows.push(
      `| ${name} | ${String(samples.length)} | ${ms(percentile(samples, 50))} | ${ms(percentile(samples, 99))} |`,
    );
  }
  return [
    `### Listing ${count.items.length.toLocaleString('en')} pods (one namespace, sequential, keep-alive)`,
    '',
    '| format | requests | p50 | p99 |',
    '| ------ | -------- | --- | --- |',
    ...rows,
    '',
  ];
}

async function openWatchers(
  target: Target,
  count: number,
  onLine: (line: string) => void,
): Promise<WatchHandle[]> {
  const list = JSON.parse(
    (await send(target, 'GET', '/api/v1/namespaces/bench/pods?limit=1')).body,
  ) as {
    metadata: { resourceVersion: string };
  };
  const path = `/api/v1/namespaces/bench/pods?watch=true&resourceVersion=${list.metadata.resourceVersion}`;
  return Promise.all(Array.from({ length: count }, () => watch(target, path, onLine)));
}

async function watchFanOut(
  cluster: Simulator['clusters'][number],
  target: Target,
): Promise<string[]> {
  const watchers = 100;
  let round = '';
  let seen = 0;
  let done: (() => void) | undefined;
  const handles = await openWatchers(targetOf(cluster, watchers + 5), watchers, (line) => {
    if (!round || !line.includes(`"bench-round":"${round}"`)) return;
    seen += 1;
    if (seen === watchers) done?.();
  });
  const pods = JSON.parse(
    (await send(target, 'GET', '/api/v1/namespaces/bench/pods?limit=50')).body,
  ) as {
    items: { metadata: { name: string } }[];
  };
  const samples = await timeEach(30, 60_000, async (i) => {
    round = `r${String(i)}`;
    seen = 0;
    const arrived = new Promise<void>((resolve) => (done = resolve));
    const name = pods.items[i % pods.items.length]?.metadata.name ?? '';
    const patch = { metadata: { labels: { 'bench-round': round } } };
    await send(target, 'PATCH', `/api/v1/namespaces/bench/pods/${name}`, {
      body: patch,
      contentType: 'application/merge-patch+json',
    });
    await arrived;
  });
  for (const handle of handles) handle.close();
  return [
    `### Watch fan-out: one pod change to ${String(watchers)} watchers of the namespace`,
    '',
    'Time from sending a PATCH until the 100th watcher has read the MODIFIED event.',
    '',
    '| changes | p50 | p99 |',
    '| ------- | --- | --- |',
    `| ${String(samples.length)} | ${ms(percentile(samples, 50))} | ${ms(percentile(samples, 99))} |`,
    '',
  ];
}

/** Creates up to `total` pods in `namespace` from 8 concurrent clients (30 s at most). */
async function createPods(
  target: Target,
  namespace: string,
  total: number,
): Promise<{ count: number; rate: number }> {
  const concurrency = 8;
  let next = 0;
  const started = performance.now();
  const deadline = started + 30_000;
  const worker = async (): Promise<void> => {
    while (next < total && performance.now() < deadline) {
      const i = next++;
      const pod = {
        metadata: { name: `load-${String(i)}` },
        spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] },
      };
      const reply = await send(target, 'POST', `/api/v1/namespaces/${namespace}/pods`, {
        body: pod,
      });
      if (reply.status !== 201) throw new Error(`pod creation answered ${String(reply.status)}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { count: next, rate: next / ((performance.now() - started) / 1000) };
}

/** A mutating webhook that sets every pod's requests, registered for namespace `hooked` only. */
async function registerResizer(target: Target, webhook: WebhookServer): Promise<void> {
  const configuration = {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'MutatingWebhookConfiguration',
    metadata: { name: 'bench-resizer' },
    webhooks: [
      {
        name: 'resize.bench.flotilla.dev',
        clientConfig: { url: `${webhook.url}/mutate`, caBundle: webhook.caBundle },
        rules: [
          { operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods'] },
        ],
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'hooked' } },
        sideEffects: 'None',
        admissionReviewVersions: ['v1'],
      },
    ],
  };
  const path = '/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations';
  const reply = await send(target, 'POST', path, { body: configuration });
  if (reply.status !== 201) throw new Error(`webhook registration answered ${reply.body}`);
}

const resources = { requests: { cpu: '25m', memory: '32Mi' } };

async function creationRate(target: Target): Promise<string[]> {
  const total = 2000;
  const webhook = await startWebhookServer(() =>
    patchAnswer([{ op: 'add', path: '/spec/containers/0/resources', value: resources }]),
  );
  try {
    await registerResizer(target, webhook);
    const plain = await createPods(target, 'load', total);
    const hooked = await createPods(target, 'hooked', total);
    if (webhook.received.length < hooked.count) throw new Error('the webhook missed creations');
    return [
      '### Pod creations',
      '',
      `Up to ${total.toLocaleString('en')} pods per row (30 s at most), created by 8 concurrent clients in the same cluster one after the other, each scheduled and started by the cluster's controllers meanwhile. "through a webhook": a mutating webhook (HTTPS on 127.0.0.1, same process) sets every pod's requests, as right-sizing does.`,
      '',
      '| path | pods created | creations/s | ratio |',
      '| ---- | ------------ | ----------- | ----- |',
      `| no webhook | ${plain.count} | ${plain.rate.toFixed(0)} | 1.00 |`,
      `| through a webhook | ${hooked.count} | ${hooked.rate.toFixed(0)} | ${(hooked.rate / plain.rate).toFixed(2)} |`,
      '',
    ];
  } finally {
    await webhook.close();
  }
}

/** Runs the simulator benchmark and returns its Markdown report. */
export async function run(): Promise<string> {
  const { simulator, lines: memory } = await memoryPerPod();
  try {
    const [first, second] = simulator.clusters;
    if (!first || !second) throw new Error('the benchmark fleet has too few clusters');
    const target = targetOf(first);
    const sections = [
      '# Simulator',
      '',
      `Command: \`npm run bench simulator\`. ${String(clusterCount)} clusters × ${podsPerCluster.toLocaleString('en')} pods (${String(deploymentsPerCluster)} deployments × ${String(replicas)} replicas each, 20 nodes per cluster) in one process, HTTPS on 127.0.0.1, real clock; the simulated kubelet keeps checking every container's memory while the numbers are taken.`,
      '',
      ...memory,
      ...(await listLatency(target)),
      ...(await watchFanOut(first, target)),
      ...(await creationRate(targetOf(second))),
    ];
    return sections.join('\n');
  } finally {
    await simulator.close();
  }
}
