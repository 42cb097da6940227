// The daemonset controller: one pod per eligible node, pinned there by node affinity as the real controller does.
import { arrayAt, recordAt, stringAt } from '../api/table/json-path.ts';
import type { StoredObject } from '../api/types.ts';
import type { Controller, ControllerDeps } from './controller-manager.ts';
import { daemonSetType, keyOf, nodeType, ownerKeysFor, podType, splitKey } from './kinds.ts';
import { createOwnedPod, deleteOwnedPod, ownedPods, writeStatus } from './owned-pods.ts';
import { podTemplateHash } from './pod-template-hash.ts';
import { isPodReady } from './replicaset-controller.ts';

const component = 'daemonset-controller';
const hashLabel = 'controller-revision-hash';

/** The node a daemon pod is pinned to by its required node affinity. */
export function pinnedNode(pod: StoredObject): string {
  const terms = arrayAt(
    pod,
    'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms',
  );
  const field = arrayAt(terms[0], 'matchFields')[0];
  const [value] = arrayAt(field, 'values');
  return stringAt(field, 'key') === 'metadata.name' && typeof value === 'string' ? value : '';
}

function eligibleNodes(deps: ControllerDeps, set: StoredObject): StoredObject[] {
  const selector = recordAt(set, 'spec.template.spec.nodeSelector');
  return deps.registry.store
    .list(nodeType)
    .filter((node) => Object.entries(selector).every(([k, v]) => node.metadata.labels?.[k] === v));
}

function pin(nodeName: string): Record<string, unknown> {
  const field = { key: 'metadata.name', operator: 'In', values: [nodeName] };
  const required = { nodeSelectorTerms: [{ matchFields: [field] }] };
  const tolerations = [
    'not-ready',
    'unreachable',
    'disk-pressure',
    'memory-pressure',
    'pid-pressure',
    'unschedulable',
  ].map((taint) => ({
    key: `node.kubernetes.io/${taint}`,
    operator: 'Exists',
    effect: 'NoSchedule',
  }));
  return {
    affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: required } },
    tolerations,
  };
}

function reconcileSet(deps: ControllerDeps, set: StoredObject, hash: string): void {
  const nodes = eligibleNodes(deps, set).map((node) => node.metadata.name);
  const pods = ownedPods(deps, set);
  for (const nodeName of nodes) {
    const pod = pods.find((p) => pinnedNode(p) === nodeName);
    if (!pod)
      createOwnedPod(deps, set, { labels: { [hashLabel]: hash }, spec: pin(nodeName) }, component);
  }
  for (const pod of pods.filter((p) => !nodes.includes(pinnedNode(p))))
    deleteOwnedPod(deps, set, pod, component);
  const stale = pods.find(
    (p) => nodes.includes(pinnedNode(p)) && p.metadata.labels?.[hashLabel] !== hash,
  );
  if (stale && pods.every(isPodReady)) deleteOwnedPod(deps, set, stale, component);
}

function status(set: StoredObject, desired: number, pods: StoredObject[], hash: string) {
  const ready = pods.filter(isPodReady).length;
  return {
    currentNumberScheduled: pods.filter((pod) => stringAt(pod, 'spec.nodeName')).length,
    numberMisscheduled: 0,
    desiredNumberScheduled: desired,
    numberReady: ready,
    observedGeneration: set.metadata.generation,
    updatedNumberScheduled: pods.filter((pod) => pod.metadata.labels?.[hashLabel] === hash).length,
    numberAvailable: ready,
    ...(desired > ready ? { numberUnavailable: desired - ready } : {}),
  };
}

/** The daemonset controller. */
export function daemonSetController(deps: ControllerDeps): Controller {
  const allSets = (): string[] => deps.registry.store.list(daemonSetType).map(keyOf);
  return {
    name: 'daemonset',
    keysFor: (event) =>
      event.resource === nodeType && event.type !== 'MODIFIED'
        ? allSets()
        : ownerKeysFor(event, daemonSetType, podType),
    reconcile: (key) => {
      const [namespace, name] = splitKey(key);
      const set = deps.registry.store.get(daemonSetType, namespace, name);
      if (!set || set.metadata.deletionTimestamp || deps.creations.isBusy(set)) return;
      const hash = podTemplateHash(recordAt(set, 'spec.template'));
      reconcileSet(deps, set, hash);
      const desired = eligibleNodes(deps, set).length;
      writeStatus(deps, daemonSetType, set, status(set, desired, ownedPods(deps, set), hash));
    },
  };
}
