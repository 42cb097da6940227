// The replicaset controller: keeps the number of owned pods at spec.replicas and reports how many are ready.
import { arrayAt, numberAt, recordAt, stringAt } from '../api/table/json-path.ts';
import type { StoredObject } from '../api/types.ts';
import type { Controller, ControllerDeps } from './controller-manager.ts';
import { createPodFor } from './admitted-pods.ts';
import { ownedPods, writeStatus } from './owned-pods.ts';
import { recordEvent } from './events.ts';
import { controllerRef, ownerKeysFor, podType, replicaSetType, splitKey } from './kinds.ts';

/** True when the pod's Ready condition is True. */
export function isPodReady(pod: StoredObject): boolean {
  return arrayAt(pod, 'status.conditions').some(
    (c) => stringAt(c, 'type') === 'Ready' && stringAt(c, 'status') === 'True',
  );
}

function createPod(deps: ControllerDeps, replicaSet: StoredObject): void {
  const template = recordAt(replicaSet, 'spec.template');
  const metadata = {
    ...recordAt(template, 'metadata'),
    generateName: `${replicaSet.metadata.name}-`,
    ownerReferences: [controllerRef(replicaSet)],
  };
  createPodFor(
    deps,
    replicaSet,
    { metadata, spec: template['spec'] },
    {
      component: 'replicaset-controller',
      created: (name) => `Created pod: ${name}`,
    },
  );
}

function deletePod(deps: ControllerDeps, replicaSet: StoredObject, pod: StoredObject): void {
  deps.registry.delete(podType, pod.metadata.namespace, pod.metadata.name, {});
  const message = `Deleted pod: ${pod.metadata.name}`;
  recordEvent(deps, replicaSet, {
    type: 'Normal',
    reason: 'SuccessfulDelete',
    message,
    component: 'replicaset-controller',
  });
}

function statusOf(replicaSet: StoredObject, pods: StoredObject[]): Record<string, unknown> {
  const ready = pods.filter(isPodReady).length;
  return {
    replicas: pods.length,
    fullyLabeledReplicas: pods.length,
    readyReplicas: ready,
    availableReplicas: ready,
    observedGeneration: replicaSet.metadata.generation,
  };
}

/** The replicaset controller. */
export function replicaSetController(deps: ControllerDeps): Controller {
  return {
    name: 'replicaset',
    keysFor: (event) => ownerKeysFor(event, replicaSetType, podType),
    reconcile: (key) => {
      const [namespace, name] = splitKey(key);
      const replicaSet = deps.registry.store.get(replicaSetType, namespace, name);
      if (!replicaSet || replicaSet.metadata.deletionTimestamp) return;
      if (deps.creations.isBusy(replicaSet)) return;
      const active = ownedPods(deps, replicaSet);
      const desired = numberAt(replicaSet, 'spec.replicas', 1);
      for (let i = active.length; i < desired; i += 1) createPod(deps, replicaSet);
      for (const pod of active.slice(desired).reverse()) deletePod(deps, replicaSet, pod);
      const kept = ownedPods(deps, replicaSet);
      writeStatus(deps, replicaSetType, replicaSet, statusOf(replicaSet, kept));
    },
  };
}
