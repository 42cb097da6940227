// The replica arithmetic of a Deployment rollout: how far the new ReplicaSet may grow and the old ones shrink.
import { at, numberAt, stringAt } from '../api/table/json-path.ts';
import type { StoredObject } from '../api/types.ts';

/** Desired replica counts for the new and each old ReplicaSet, by name. */
export type ScalePlan = Map<string, number>;

function intOrPercent(value: unknown, total: number, isRoundUp: boolean): number {
  if (typeof value === 'number') return value;
  const percent = /^(\d+)%$/.exec(typeof value === 'string' ? value : '');
  if (!percent) return Number(value) || 0;
  const exact = (Number(percent[1]) * total) / 100;
  return isRoundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** maxSurge (rounded up) and maxUnavailable (rounded down); never both zero. */
export function surgeAndUnavailable(deployment: StoredObject): {
  surge: number;
  unavailable: number;
} {
  const replicas = numberAt(deployment, 'spec.replicas', 1);
  const rolling = at(deployment, 'spec.strategy.rollingUpdate');
  const surge = intOrPercent(at(rolling, 'maxSurge') ?? '25%', replicas, true);
  const unavailable = intOrPercent(at(rolling, 'maxUnavailable') ?? '25%', replicas, false);
  return { surge, unavailable: surge === 0 && unavailable === 0 ? 1 : unavailable };
}

const specReplicas = (rs: StoredObject): number => numberAt(rs, 'spec.replicas', 1);
const available = (rs: StoredObject): number => numberAt(rs, 'status.availableReplicas');

function rollingPlan(
  deployment: StoredObject,
  current: StoredObject,
  old: StoredObject[],
): ScalePlan {
  const replicas = numberAt(deployment, 'spec.replicas', 1);
  const { surge, unavailable } = surgeAndUnavailable(deployment);
  const plan: ScalePlan = new Map([[current.metadata.name, specReplicas(current)]]);
  const total = [current, ...old].reduce((sum, rs) => sum + specReplicas(rs), 0);
  const room = Math.max(0, replicas + surge - total);
  const grown = Math.min(replicas, specReplicas(current) + room);
  plan.set(current.metadata.name, specReplicas(current) > replicas ? replicas : grown);
  const allAvailable = [current, ...old].reduce((sum, rs) => sum + available(rs), 0);
  let canRemove = Math.max(0, allAvailable - (replicas - unavailable));
  for (const rs of [...old].sort(byAge)) {
    const unhealthy = specReplicas(rs) - available(rs);
    const cut = Math.min(specReplicas(rs), Math.max(0, unhealthy) + canRemove);
    canRemove -= Math.max(0, cut - Math.max(0, unhealthy));
    plan.set(rs.metadata.name, specReplicas(rs) - cut);
  }
  return plan;
}

function byAge(a: StoredObject, b: StoredObject): number {
  return (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '');
}

/** The next step of the rollout; Recreate drains the old pods before the new ReplicaSet grows. */
export function planRollout(
  deployment: StoredObject,
  current: StoredObject,
  old: StoredObject[],
): ScalePlan {
  const replicas = numberAt(deployment, 'spec.replicas', 1);
  if (stringAt(deployment, 'spec.strategy.type') !== 'Recreate')
    return rollingPlan(deployment, current, old);
  const hasOldPods = old.some((rs) => numberAt(rs, 'status.replicas') > 0 || specReplicas(rs) > 0);
  const plan: ScalePlan = new Map(old.map((rs) => [rs.metadata.name, 0]));
  plan.set(current.metadata.name, hasOldPods ? 0 : replicas);
  return plan;
}

/** Initial size of a brand-new ReplicaSet: all at once on the first rollout, within the surge after. */
export function initialReplicas(deployment: StoredObject, old: StoredObject[]): number {
  const replicas = numberAt(deployment, 'spec.replicas', 1);
  if (old.every((rs) => specReplicas(rs) === 0))
    return stringAt(deployment, 'spec.strategy.type') === 'Recreate' && old.length > 0
      ? 0
      : replicas;
  const total = old.reduce((sum, rs) => sum + specReplicas(rs), 0);
  if (stringAt(deployment, 'spec.strategy.type') === 'Recreate') return 0;
  return Math.max(0, Math.min(replicas, replicas + surgeAndUnavailable(deployment).surge - total));
}
