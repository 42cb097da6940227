// Table cells of pods and the workload kinds (deployments, replicasets).
import type { KubeObject } from '../types.ts';
import { age } from './human-duration.ts';
import { arrayAt, at, numberAt, recordAt, stringAt } from './json-path.ts';

/** The cells of one table row. */
export type Cells = (string | number)[];

function podStatus(pod: KubeObject): string {
  if (pod.metadata.deletionTimestamp) return 'Terminating';
  const waiting = arrayAt(pod, 'status.containerStatuses')
    .map(
      (status) =>
        stringAt(status, 'state.waiting.reason') || stringAt(status, 'state.terminated.reason'),
    )
    .find((reason) => reason !== '');
  return waiting ?? (stringAt(pod, 'status.reason') || stringAt(pod, 'status.phase', 'Pending'));
}

/** `2 (5m ago)`: the count, and how long ago the last container ended, as kubectl prints it. */
function restartsCell(statuses: unknown[], restarts: number, now: number): string {
  const ends = statuses.map((s) => stringAt(s, 'lastState.terminated.finishedAt')).filter(Boolean);
  const last = ends.sort().at(-1);
  return restarts > 0 && last ? `${restarts} (${age(last, now)} ago)` : String(restarts);
}

/** NAME READY STATUS RESTARTS AGE | IP NODE NOMINATED NODE READINESS GATES. */
export function podCells(pod: KubeObject, now: number): Cells {
  const statuses = arrayAt(pod, 'status.containerStatuses');
  const ready = statuses.filter((status) => at(status, 'ready') === true).length;
  const total = arrayAt(pod, 'spec.containers').length;
  const restarts = statuses.reduce<number>(
    (sum, status) => sum + numberAt(status, 'restartCount'),
    0,
  );
  return [
    pod.metadata.name ?? '',
    `${ready}/${total}`,
    podStatus(pod),
    restartsCell(statuses, restarts, now),
    age(pod.metadata.creationTimestamp, now),
    stringAt(pod, 'status.podIP', '<none>'),
    stringAt(pod, 'spec.nodeName', '<none>'),
    stringAt(pod, 'status.nominatedNodeName', '<none>'),
    '<none>',
  ];
}

/** CONTAINERS IMAGES SELECTOR of a workload with a pod template. */
export function containerCells(workload: KubeObject): [string, string, string] {
  const containers = arrayAt(workload, 'spec.template.spec.containers');
  const selector = Object.entries(recordAt(workload, 'spec.selector.matchLabels'))
    .map(([key, value]) => `${key}=${String(value as string)}`)
    .join(',');
  return [
    containers.map((c) => stringAt(c, 'name')).join(','),
    containers.map((c) => stringAt(c, 'image')).join(','),
    selector || '<none>',
  ];
}

/** NAME READY UP-TO-DATE AVAILABLE AGE | CONTAINERS IMAGES SELECTOR. */
export function deploymentCells(deployment: KubeObject, now: number): Cells {
  const desired = numberAt(deployment, 'spec.replicas', 1);
  return [
    deployment.metadata.name ?? '',
    `${numberAt(deployment, 'status.readyReplicas')}/${desired}`,
    numberAt(deployment, 'status.updatedReplicas'),
    numberAt(deployment, 'status.availableReplicas'),
    age(deployment.metadata.creationTimestamp, now),
    ...containerCells(deployment),
  ];
}

/** NAME DESIRED CURRENT READY AGE | CONTAINERS IMAGES SELECTOR. */
export function replicaSetCells(replicaSet: KubeObject, now: number): Cells {
  return [
    replicaSet.metadata.name ?? '',
    numberAt(replicaSet, 'spec.replicas', 1),
    numberAt(replicaSet, 'status.replicas'),
    numberAt(replicaSet, 'status.readyReplicas'),
    age(replicaSet.metadata.creationTimestamp, now),
    ...containerCells(replicaSet),
  ];
}
