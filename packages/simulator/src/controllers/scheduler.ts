// The scheduler: filters nodes by readiness, selectors, affinity and free requests, then picks the least allocated.
import { parseQuantity } from '@flotilla/protocol';
import { arrayAt, recordAt, stringAt } from '../api/table/json-path.ts';
import type { StoredObject } from '../api/types.ts';
import { nodeFilterReasons } from './node-filters.ts';
import type { Resources } from './node-filters.ts';

/** What a pod asks of a node: CPU cores, memory bytes, one pod slot. */
export function podRequests(pod: StoredObject): Resources {
  const sum = (containers: unknown[], name: string): number =>
    containers.reduce<number>(
      (total, c) => total + parseQuantity(recordAt(c, 'resources.requests')[name]),
      0,
    );
  const max = (containers: unknown[], name: string): number =>
    Math.max(0, ...containers.map((c) => parseQuantity(recordAt(c, 'resources.requests')[name])));
  const containers = arrayAt(pod, 'spec.containers');
  const init = arrayAt(pod, 'spec.initContainers');
  return {
    cpu: Math.max(sum(containers, 'cpu'), max(init, 'cpu')),
    memory: Math.max(sum(containers, 'memory'), max(init, 'memory')),
    pods: 1,
  };
}

function isActive(pod: StoredObject): boolean {
  const phase = stringAt(pod, 'status.phase');
  return phase !== 'Succeeded' && phase !== 'Failed';
}

/** Requests of the active pods bound to each node. */
export function usedByNode(pods: readonly StoredObject[]): Map<string, Resources> {
  const used = new Map<string, Resources>();
  for (const pod of pods.filter(isActive)) {
    const nodeName = stringAt(pod, 'spec.nodeName');
    if (!nodeName) continue;
    const before = used.get(nodeName) ?? { cpu: 0, memory: 0, pods: 0 };
    const asks = podRequests(pod);
    used.set(nodeName, {
      cpu: before.cpu + asks.cpu,
      memory: before.memory + asks.memory,
      pods: before.pods + 1,
    });
  }
  return used;
}

/** Where a pod goes, or why it cannot go anywhere (the FailedScheduling message). */
export type Placement = { readonly node: StoredObject } | { readonly message: string };

function freeShare(node: StoredObject, used: Resources | undefined): number {
  const allocatable = recordAt(node, 'status.allocatable');
  const cpu = parseQuantity(allocatable['cpu']) || 1;
  const memory = parseQuantity(allocatable['memory']) || 1;
  return (cpu - (used?.cpu ?? 0)) / cpu + (memory - (used?.memory ?? 0)) / memory;
}

function failureMessage(total: number, reasons: Map<string, number>): string {
  const listed = [...reasons]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([reason, n]) => `${n} ${reason}`);
  const helpless = [...reasons].filter(
    ([r]) => !r.startsWith('Insufficient') && r !== 'Too many pods',
  );
  const hopeless = helpless.reduce((sum, [, n]) => sum + n, 0);
  const preemption = [
    ...(total - hopeless > 0
      ? [`${total - hopeless} No preemption victims found for incoming pod`]
      : []),
    ...(hopeless > 0 ? [`${hopeless} Preemption is not helpful for scheduling`] : []),
  ];
  if (total === 0) return 'no nodes available to schedule pods';
  return `0/${total} nodes are available: ${listed.join(', ')}. preemption: 0/${total} nodes are available: ${preemption.join(', ')}.`;
}

/** Chooses a node for `pod` among `nodes`, given every pod already bound. */
export function place(
  pod: StoredObject,
  nodes: readonly StoredObject[],
  pods: readonly StoredObject[],
): Placement {
  const used = usedByNode(pods);
  const asks = podRequests(pod);
  const reasons = new Map<string, number>();
  const fitting = nodes.filter((node) => {
    const why = nodeFilterReasons(pod, node, asks, used.get(node.metadata.name));
    for (const reason of why) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    return why.length === 0;
  });
  const best = fitting.reduce<StoredObject | undefined>(
    (chosen, node) =>
      !chosen ||
      freeShare(node, used.get(node.metadata.name)) >
        freeShare(chosen, used.get(chosen.metadata.name))
        ? node
        : chosen,
    undefined,
  );
  return best ? { node: best } : { message: failureMessage(nodes.length, reasons) };
}
