// The replicaset controller: keeps the number of owned pods at spec.replicas and reports how many are ready.
import { arrayAt, numberAt, recordAt, stringAt } from '../api/table/json-path.ts';
import type { StoredObject } from '../api/types.ts';
import type { Controller, ControllerDeps } from './controller-manager.ts';
import { createPodFor } from './admitted-pods.ts';
import { recordEvent } from './events.ts';
import {
  controllerOf,
  controllerRef,
  ownerKeysFor,
  podType,
  replicaSetType,
  splitKey,
} from './kinds.ts';

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

function writeStatus(deps: ControllerDeps, replicaSet: StoredObject, pods: StoredObject[]): void {
  const ready = pods.filter(isPodReady).length;
  const status = {
    replicas: pods.length,
    fullyLabeledReplicas: pods.length,
    readyReplicas: ready,
    availableReplicas: ready,
    observedGeneration: replicaSet.metadata.generation,
  };
  deps.registry.update(
    replicaSetType,
    replicaSet.metadata.namespace,
    replicaSet.metadata.name,
    { ...replicaSet, status },
    'status',
  );
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
      const owned = deps.registry.store
        .list(podType, namespace)
        .filter((pod) => controllerOf(pod, 'ReplicaSet')?.uid === replicaSet.metadata.uid);
      const active = owned.filter((pod) => !pod.metadata.deletionTimestamp);
      const desired = numberAt(replicaSet, 'spec.replicas', 1);
      for (let i = active.length; i < desired; i += 1) createPod(deps, replicaSet);
      for (const pod of active.slice(desired).reverse()) deletePod(deps, replicaSet, pod);
      const kept = deps.registry.store
        .list(podType, namespace)
        .filter(
          (pod) =>
            controllerOf(pod, 'ReplicaSet')?.uid === replicaSet.metadata.uid &&
            !pod.metadata.deletionTimestamp,
        );
      writeStatus(deps, replicaSet, kept);
    },
  };
}
