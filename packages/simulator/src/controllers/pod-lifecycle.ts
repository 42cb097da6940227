// Scheduler and kubelet in one: binds pending pods to a node that fits them (see scheduling.ts), runs them, and removes terminated ones.
import { timestamp } from '../clock.ts';
import type { Random } from '../clock.ts';
import { randomInt } from '../clock.ts';
import { arrayAt, stringAt } from '../api/table/json-path.ts';
import type { StoredObject } from '../api/types.ts';
import type { Controller, ControllerDeps } from './controller-manager.ts';
import { recordEvent } from './events.ts';
import { keyOf, nodeType, podType, splitKey } from './kinds.ts';
import { runningStatus } from './pod-status.ts';
import { pendingPodKeys, schedule } from './scheduling.ts';

function podIp(random: Random, node: StoredObject): string {
  const nodeIndex = Number(/(\d+)$/.exec(node.metadata.name)?.[1] ?? 0) % 250;
  return `10.244.${nodeIndex}.${2 + randomInt(random, 250)}`;
}

function start(deps: ControllerDeps, pod: StoredObject): void {
  const node = deps.registry.store.get(nodeType, undefined, stringAt(pod, 'spec.nodeName'));
  if (!node) return;
  const hostIP = arrayAt(node, 'status.addresses').map((a) => stringAt(a, 'address'))[0] ?? '';
  const status = runningStatus(pod, {
    now: timestamp(deps.clock),
    hostIP,
    podIP: podIp(deps.random, node),
    random: deps.random,
  });
  const running = deps.registry.update(
    podType,
    pod.metadata.namespace,
    pod.metadata.name,
    { ...pod, status },
    'status',
  );
  recordEvent(deps, running, {
    type: 'Normal',
    reason: 'Started',
    message: 'Started container',
    component: 'kubelet',
  });
}

/** The pod lifecycle controller (scheduler plus kubelet). */
export function podLifecycle(deps: ControllerDeps): Controller {
  return {
    name: 'pod-lifecycle',
    keysFor: (event) => {
      const freesCapacity =
        (event.resource === podType && event.type === 'DELETED') || event.resource === nodeType;
      if (freesCapacity) return pendingPodKeys(deps);
      return event.resource === podType ? [keyOf(event.object)] : [];
    },
    reconcile: (key) => {
      const [namespace, name] = splitKey(key);
      const pod = deps.registry.store.get(podType, namespace, name);
      if (!pod) return;
      if (pod.metadata.deletionTimestamp) {
        deps.registry.store.remove(podType, pod);
        return;
      }
      const bound = stringAt(pod, 'spec.nodeName') ? pod : schedule(deps, pod);
      if (bound && stringAt(bound, 'status.phase') === 'Pending') start(deps, bound);
    },
  };
}
