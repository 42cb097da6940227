// The pods/eviction subresource: delete a pod unless that would break its PodDisruptionBudget (429).
import { timestamp } from '../clock.ts';
import type { Clock } from '../clock.ts';
import { matchesSelector } from '../controllers/selector.ts';
import { deleteOptionsOf } from './delete-options.ts';
import type { Registry } from './registry.ts';
import { typeOfKind } from './resource-types.ts';
import type { ResourceType } from './resource-types.ts';
import { KubeError } from './status.ts';
import { numberAt, recordAt, stringAt } from './table/json-path.ts';
import { isRecord } from './types.ts';
import type { StoredObject } from './types.ts';

const pdbType = typeOfKind('policy', 'PodDisruptionBudget');

function budgetsOf(registry: Registry, pod: StoredObject): StoredObject[] {
  return registry.store
    .list(pdbType, pod.metadata.namespace)
    .filter((pdb) => matchesSelector(recordAt(pdb, 'spec')['selector'], pod.metadata.labels));
}

function violation(pdb: StoredObject): KubeError {
  const status = recordAt(pdb, 'status');
  const message = `The disruption budget ${pdb.metadata.name} needs ${numberAt(status, 'desiredHealthy')} healthy pods and has ${numberAt(status, 'currentHealthy')} currently`;
  return new KubeError(
    429,
    'TooManyRequests',
    "Cannot evict pod as it would violate the pod's disruption budget.",
    {
      causes: [{ reason: 'DisruptionBudget', message }],
    },
  );
}

/** Takes one disruption from `pdb` and remembers the pod, as the eviction REST handler does. */
function spendDisruption(
  registry: Registry,
  clock: Clock,
  pdb: StoredObject,
  pod: StoredObject,
): void {
  const status = recordAt(pdb, 'status');
  const disruptedPods = {
    ...recordAt(status, 'disruptedPods'),
    [pod.metadata.name]: timestamp(clock),
  };
  const next = {
    ...status,
    disruptionsAllowed: numberAt(status, 'disruptionsAllowed') - 1,
    disruptedPods,
  };
  registry.update(
    pdbType,
    pdb.metadata.namespace,
    pdb.metadata.name,
    { ...pdb, status: next },
    'status',
  );
}

/** Evicts the pod `name` (POST pods/eviction with an Eviction body); returns the Success status. */
export function evict(
  deps: { registry: Registry; clock: Clock },
  podType: ResourceType,
  namespace: string | undefined,
  name: string,
  body: unknown,
): unknown {
  const pod = deps.registry.get(podType, namespace, name);
  const phase = stringAt(pod, 'status.phase');
  const isTerminal = phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending';
  const budgets = pod.metadata.deletionTimestamp || isTerminal ? [] : budgetsOf(deps.registry, pod);
  if (budgets.length > 1)
    throw new KubeError(
      500,
      'InternalError',
      'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
    );
  const [pdb] = budgets;
  if (pdb && numberAt(pdb, 'status.disruptionsAllowed') <= 0) throw violation(pdb);
  if (pdb) spendDisruption(deps.registry, deps.clock, pdb, pod);
  const options =
    isRecord(body) && isRecord(body['deleteOptions']) ? JSON.stringify(body['deleteOptions']) : '';
  deps.registry.delete(podType, namespace, name, deleteOptionsOf(new URLSearchParams(), options));
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 };
}
