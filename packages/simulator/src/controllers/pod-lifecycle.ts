// Scheduler and kubelet in one: binds pending pods to the least-loaded ready node, runs them, and removes terminated ones.
import { timestamp } from '../clock.ts';
import type { Random } from '../clock.ts';
import { randomInt } from '../clock.ts';
import { arrayAt, recordAt, stringAt } from '../api/table/json-path.ts';
import type { StoredObject } from '../api/types.ts';
import type { Controller, ControllerDeps } from './controller-manager.ts';
import { recordEvent } from './events.ts';
import { keyOf, nodeType, podType, splitKey } from './kinds.ts';
import { runningStatus } from './pod-status.ts';

function isNodeReady(node: StoredObject): boolean {
  return arrayAt(node, 'status.conditions').some(
    (c) => stringAt(c, 'type') === 'Ready' && stringAt(c, 'status') === 'True',
  );
}

function chooseNode(deps: ControllerDeps): StoredObject | undefined {
  const nodes = deps.registry.store
    .list(nodeType)
    .filter((node) => isNodeReady(node) && !recordAt(node, 'spec')['unschedulable']);
  const load = new Map<string, number>();
  for (const pod of deps.registry.store.list(podType)) {
    const nodeName = stringAt(pod, 'spec.nodeName');
    if (nodeName) load.set(nodeName, (load.get(nodeName) ?? 0) + 1);
  }
  return nodes.reduce<StoredObject | undefined>((best, node) => {
    const isLess =
      !best || (load.get(node.metadata.name) ?? 0) < (load.get(best.metadata.name) ?? 0);
    return isLess ? node : best;
  }, undefined);
}

function schedule(deps: ControllerDeps, pod: StoredObject): StoredObject | undefined {
  const node = chooseNode(deps);
  if (!node) {
    const message = '0/0 nodes are available: no nodes available to schedule pods.';
    recordEvent(deps, pod, {
      type: 'Warning',
      reason: 'FailedScheduling',
      message,
      component: 'default-scheduler',
    });
    return undefined;
  }
  const spec = { ...recordAt(pod, 'spec'), nodeName: node.metadata.name };
  const bound = deps.registry.update(podType, pod.metadata.namespace, pod.metadata.name, {
    ...pod,
    spec,
  });
  const message = `Successfully assigned ${pod.metadata.namespace ?? ''}/${pod.metadata.name} to ${node.metadata.name}`;
  recordEvent(deps, bound, {
    type: 'Normal',
    reason: 'Scheduled',
    message,
    component: 'default-scheduler',
  });
  return bound;
}

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
    keysFor: (event) =>
      event.resource === podType && event.type !== 'DELETED' ? [keyOf(event.object)] : [],
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
