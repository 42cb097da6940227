// The cluster behind the tunnel benchmarks' big list: 3,400 running pods in one namespace, about
// 10 MB of JSON, the kind of list `kubectl get pods -o json` moves on a busy cluster.
import type { ClusterSpec } from '@flotilla/simulator';
import { roomyNode, smallPodDeployments } from '../simulator/workloads.ts';
import { get, getJson, type Target } from './measure.ts';

const deployments = 34;
const replicas = 100;
const podCount = deployments * replicas;

/** The path of the big list. */
export const largeListPath = '/api/v1/namespaces/bench/pods';

/** A cluster named `name` whose `bench` namespace holds the big list's pods. */
export function largeListCluster(name: string): ClusterSpec {
  const workloads = smallPodDeployments(deployments, replicas);
  return { name, environment: 'prod', nodes: 40, nodeCapacity: roomyNode, workloads };
}

/** Waits (up to a minute) until every pod of the big list exists; returns the list's size. */
export async function largeListReady(target: Target): Promise<number> {
  const deadline = performance.now() + 60_000;
  for (;;) {
    const list = (await getJson(target, largeListPath)) as { items: unknown[] };
    if (list.items.length >= podCount) return get(target, largeListPath);
    if (performance.now() > deadline)
      throw new Error(`${String(list.items.length)} of ${String(podCount)} pods after a minute`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** MB/s over a set of lists: all their bytes over all their time. */
export function overallRate(samples: readonly { megabytes: number; seconds: number }[]): number {
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return sum(samples.map((s) => s.megabytes)) / sum(samples.map((s) => s.seconds));
}

/** Why the verdict uses the overall rate. */
export const overallMeaning =
  '"overall" is all runs\' bytes over all runs\' time, the figure compared. Single lists are bimodal: a major garbage collection (tens of MB of buffers per list) lands on some of them and not on others, so a median can fall in either mode and swing by ±20% from one run of the benchmark to the next; the overall rate holds steadier.';
