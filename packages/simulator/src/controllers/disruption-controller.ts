// The disruption controller: each PodDisruptionBudget's status says how many of its pods may be evicted now.
import { timestamp } from '../clock.ts';
import { arrayAt, recordAt, stringAt } from '../api/table/json-path.ts';
import type { StoredObject } from '../api/types.ts';
import { stableJson } from '../api/stable-json.ts';
import type { Controller, ControllerDeps } from './controller-manager.ts';
import { keyOf, pdbType, podType, splitKey } from './kinds.ts';
import { writeStatus } from './owned-pods.ts';
import { isPodReady } from './replicaset-controller.ts';
import { matchesSelector } from './selector.ts';

/** An int-or-percent of `total`, rounded up as the disruption controller rounds it. */
function resolve(value: unknown, total: number): number {
  if (typeof value === 'number') return value;
  const percent = /^(\d+)%$/.exec(String(value));
  return percent ? Math.ceil((Number(percent[1]) * total) / 100) : Number(value) || 0;
}

/** The pods `pdb` covers (all pods in its namespace when the selector is empty). */
export function coveredPods(deps: ControllerDeps, pdb: StoredObject): StoredObject[] {
  const selector = recordAt(pdb, 'spec')['selector'];
  return deps.registry.store
    .list(podType, pdb.metadata.namespace)
    .filter(
      (pod) => !pod.metadata.deletionTimestamp && matchesSelector(selector, pod.metadata.labels),
    );
}

/** The status fields the disruption controller computes. */
export function budgetOf(pdb: StoredObject, pods: StoredObject[]) {
  const spec = recordAt(pdb, 'spec');
  const expected = pods.length;
  const healthy = pods.filter(isPodReady).length;
  const desired =
    spec['minAvailable'] !== undefined
      ? resolve(spec['minAvailable'], expected)
      : Math.max(0, expected - resolve(spec['maxUnavailable'] ?? 0, expected));
  return {
    currentHealthy: healthy,
    desiredHealthy: desired,
    expectedPods: expected,
    disruptionsAllowed: Math.max(0, healthy - desired),
  };
}

function sync(deps: ControllerDeps, pdb: StoredObject): void {
  const budget = budgetOf(pdb, coveredPods(deps, pdb));
  const isAllowed = budget.disruptionsAllowed > 0;
  const previous = recordAt(pdb, 'status');
  const old = arrayAt(previous, 'conditions')[0];
  const reason = isAllowed ? 'SufficientPods' : 'InsufficientPods';
  const isSame = stringAt(old, 'reason') === reason;
  const condition = {
    type: 'DisruptionAllowed',
    status: isAllowed ? 'True' : 'False',
    reason,
    message: '',
    observedGeneration: pdb.metadata.generation,
    lastTransitionTime: isSame ? stringAt(old, 'lastTransitionTime') : timestamp(deps.clock),
  };
  const status = {
    ...budget,
    observedGeneration: pdb.metadata.generation,
    disruptedPods: previous['disruptedPods'] ?? {},
    conditions: [condition],
  };
  if (stableJson(status) !== stableJson(previous)) writeStatus(deps, pdbType, pdb, status);
}

/** The disruption controller. */
export function disruptionController(deps: ControllerDeps): Controller {
  return {
    name: 'disruption',
    keysFor: (event) => {
      if (event.resource === pdbType) return event.type === 'DELETED' ? [] : [keyOf(event.object)];
      if (event.resource !== podType) return [];
      return deps.registry.store.list(pdbType, event.object.metadata.namespace).map(keyOf);
    },
    reconcile: (key) => {
      const [namespace, name] = splitKey(key);
      const pdb = deps.registry.store.get(pdbType, namespace, name);
      if (pdb && !pdb.metadata.deletionTimestamp) sync(deps, pdb);
    },
  };
}
