// The scheduler: filters nodes by readiness, selectors, affinity and free requests, then picks the least allocated.
import { parseQuantity } from '@flotilla/protocol';
import { recordAt } from '../api/table/json-path.ts';
import { podTotals } from '../kinds/pod-usage.ts';
import type { StoredObject } from '../api/types.ts';
import { nodeFilterReasons } from './node-filters.ts';
import type { Resources } from './node-filters.ts';

/** What a pod asks of a node: CPU cores, memory bytes (init containers counted as the API does), one pod slot. */
export function podRequests(pod: StoredObject): Resources {
  const totals = podTotals(recordAt(pod, 'spec'), 'requests');
  return { cpu: totals.get('cpu')?.value ?? 0, memory: totals.get('memory')?.value ?? 0, pods: 1 };
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

/** Chooses a node for `pod` among `nodes`, given the requests already bound to each (see node-usage.ts). */
export function place(
  pod: StoredObject,
  nodes: readonly StoredObject[],
  used: ReadonlyMap<string, Resources>,
): Placement {
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
