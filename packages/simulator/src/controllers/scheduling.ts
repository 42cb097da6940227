// Binding pods to nodes, or marking them Unschedulable with a FailedScheduling event, as kube-scheduler reports it.
import { timestamp } from '../clock.ts';
import { arrayAt, recordAt, stringAt } from '../api/table/json-path.ts';
import type { StoredObject } from '../api/types.ts';
import type { ControllerDeps } from './controller-manager.ts';
import { recordEvent } from './events.ts';
import { nodeType, podType } from './kinds.ts';
import { writeStatus } from './owned-pods.ts';
import { nodeUsage, pendingPods } from './node-usage.ts';
import { place } from './scheduler.ts';

const component = 'default-scheduler';

function markUnschedulable(deps: ControllerDeps, pod: StoredObject, message: string): void {
  const old = arrayAt(pod, 'status.conditions').find((c) => stringAt(c, 'type') === 'PodScheduled');
  if (stringAt(old, 'message') === message) return;
  const condition = {
    type: 'PodScheduled',
    status: 'False',
    lastProbeTime: null,
    lastTransitionTime: timestamp(deps.clock),
    reason: 'Unschedulable',
    message,
  };
  const others = arrayAt(pod, 'status.conditions').filter(
    (c) => stringAt(c, 'type') !== 'PodScheduled',
  );
  writeStatus(deps, podType, pod, {
    ...recordAt(pod, 'status'),
    conditions: [...others, condition],
  });
  recordEvent(deps, pod, { type: 'Warning', reason: 'FailedScheduling', message, component });
}

/** Binds `pod` to the best node and returns it, or records why it stays Pending and returns undefined. */
export function schedule(deps: ControllerDeps, pod: StoredObject): StoredObject | undefined {
  const { store } = deps.registry;
  const placement = place(pod, store.list(nodeType), nodeUsage(store));
  if ('message' in placement) {
    markUnschedulable(deps, pod, placement.message);
    return undefined;
  }
  const nodeName = placement.node.metadata.name;
  const bound = deps.registry.update(podType, pod.metadata.namespace, pod.metadata.name, {
    ...pod,
    spec: { ...recordAt(pod, 'spec'), nodeName },
  });
  const message = `Successfully assigned ${pod.metadata.namespace ?? ''}/${pod.metadata.name} to ${nodeName}`;
  recordEvent(deps, bound, { type: 'Normal', reason: 'Scheduled', message, component });
  return bound;
}

/** Keys of pods waiting for a node, retried whenever capacity may have freed up. */
export function pendingPodKeys(deps: ControllerDeps): string[] {
  return pendingPods(deps.registry.store);
}
