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
