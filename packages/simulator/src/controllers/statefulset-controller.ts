// The statefulset controller: pods <name>-0..n-1 made in order, removed from the top, rolled from the top on a template change.
import { numberAt, recordAt, stringAt } from '../api/table/json-path.ts';
import type { StoredObject } from '../api/types.ts';
import type { Controller, ControllerDeps } from './controller-manager.ts';
import { ownerKeysFor, podType, splitKey, statefulSetType } from './kinds.ts';
import { createOwnedPod, deleteOwnedPod, ownedPods, writeStatus } from './owned-pods.ts';
import { podTemplateHash } from './pod-template-hash.ts';
import { isPodReady } from './replicaset-controller.ts';

const component = 'statefulset-controller';
const revisionLabel = 'controller-revision-hash';

function ordinalOf(set: StoredObject, pod: StoredObject): number {
  return Number(pod.metadata.name.slice(set.metadata.name.length + 1));
}

function createOrdinal(
  deps: ControllerDeps,
  set: StoredObject,
  ordinal: number,
  revision: string,
): void {
  const name = `${set.metadata.name}-${ordinal}`;
  const labels = {
    [revisionLabel]: revision,
    'statefulset.kubernetes.io/pod-name': name,
    'apps.kubernetes.io/pod-index': String(ordinal),
  };
  const serviceName = stringAt(set, 'spec.serviceName');
  const spec = { hostname: name, ...(serviceName ? { subdomain: serviceName } : {}) };
  createOwnedPod(deps, set, { name, labels, spec }, component);
}

/** One step towards the desired pods; OrderedReady waits for each pod to be Ready before the next. */
function step(
  deps: ControllerDeps,
  set: StoredObject,
  pods: StoredObject[],
  revision: string,
): void {
  const replicas = numberAt(set, 'spec.replicas', 1);
  const isOrdered = stringAt(set, 'spec.podManagementPolicy', 'OrderedReady') === 'OrderedReady';
  const byOrdinal = new Map(pods.map((pod) => [ordinalOf(set, pod), pod]));
  for (let ordinal = 0; ordinal < replicas; ordinal += 1) {
    const pod = byOrdinal.get(ordinal);
    if (pod?.metadata.deletionTimestamp) return;
    if (!pod) {
      createOrdinal(deps, set, ordinal, revision);
      if (isOrdered) return;
    } else if (isOrdered && !isPodReady(pod)) return;
  }
  const live = pods.filter((pod) => !pod.metadata.deletionTimestamp);
  const extra = live.filter((pod) => ordinalOf(set, pod) >= replicas);
  const highest = extra.sort((a, b) => ordinalOf(set, b) - ordinalOf(set, a))[0];
  if (highest) return deleteOwnedPod(deps, set, highest, component);
  const partition = numberAt(set, 'spec.updateStrategy.rollingUpdate.partition');
  const stale = live
    .filter(
      (pod) =>
        pod.metadata.labels?.[revisionLabel] !== revision && ordinalOf(set, pod) >= partition,
    )
    .sort((a, b) => ordinalOf(set, b) - ordinalOf(set, a))[0];
  if (stale && live.length === pods.length && live.every(isPodReady))
    deleteOwnedPod(deps, set, stale, component);
}

function status(
  set: StoredObject,
  pods: StoredObject[],
  revision: string,
): Record<string, unknown> {
  const updated = pods.filter((pod) => pod.metadata.labels?.[revisionLabel] === revision).length;
  const ready = pods.filter(isPodReady).length;
  const previous = recordAt(set, 'status');
  const isDone = updated === pods.length;
  const current = isDone ? revision : stringAt(previous, 'currentRevision', revision);
  return {
    observedGeneration: set.metadata.generation,
    replicas: pods.length,
    readyReplicas: ready,
    currentReplicas: isDone ? pods.length : pods.length - updated,
    updatedReplicas: updated,
    availableReplicas: ready,
    currentRevision: current,
    updateRevision: revision,
    collisionCount: 0,
  };
}

/** The statefulset controller. */
export function statefulSetController(deps: ControllerDeps): Controller {
  return {
    name: 'statefulset',
    keysFor: (event) => ownerKeysFor(event, statefulSetType, podType),
    reconcile: (key) => {
      const [namespace, name] = splitKey(key);
      const set = deps.registry.store.get(statefulSetType, namespace, name);
      if (!set || set.metadata.deletionTimestamp || deps.creations.isBusy(set)) return;
      const revision = `${name}-${podTemplateHash(recordAt(set, 'spec.template'))}`;
      step(deps, set, ownedPods(deps, set, true), revision);
      writeStatus(deps, statefulSetType, set, status(set, ownedPods(deps, set), revision));
    },
  };
}
