// Table cells of the kinds added after the first cut: statefulsets, daemonsets, jobs, endpoints, PDBs, HPAs and friends.
import type { KubeObject } from '../types.ts';
import { age, humanDuration } from './human-duration.ts';
import { arrayAt, at, numberAt, recordAt, stringAt } from './json-path.ts';
import { containerCells } from './workload-cells.ts';
import type { Cells } from './workload-cells.ts';

type Printer = (object: KubeObject, now: number) => Cells;

const name = (object: KubeObject): string => object.metadata.name ?? '';

function jobStatus(job: KubeObject): string {
  const conditions = arrayAt(job, 'status.conditions').filter(
    (c) => stringAt(c, 'status') === 'True',
  );
  const types = conditions.map((c) => stringAt(c, 'type'));
  if (types.includes('Complete')) return 'Complete';
  if (types.includes('Failed')) return 'Failed';
  if (at(job, 'spec.suspend') === true) return 'Suspended';
  return 'Running';
}

function jobDuration(job: KubeObject, now: number): string {
  const start = Date.parse(stringAt(job, 'status.startTime'));
  if (Number.isNaN(start)) return '';
  const end = Date.parse(stringAt(job, 'status.completionTime'));
  return humanDuration((Number.isNaN(end) ? now : end) - start);
}

function endpointList(endpoints: KubeObject): string {
  const all = arrayAt(endpoints, 'subsets').flatMap((subset) => {
    const ports = arrayAt(subset, 'ports').map((p) => numberAt(p, 'port'));
    return arrayAt(subset, 'addresses').flatMap((a) =>
      ports.map((port) => `${stringAt(a, 'ip')}:${port}`),
    );
  });
  if (all.length === 0) return '<none>';
  const shown = all.slice(0, 3).join(',');
  return all.length > 3 ? `${shown} + ${all.length - 3} more...` : shown;
}

function intOrPercent(value: unknown): string {
  return typeof value === 'number' || typeof value === 'string' ? String(value) : 'N/A';
}

function hpaTargets(hpa: KubeObject): string {
  const metric = arrayAt(hpa, 'spec.metrics')[0];
  const target = recordAt(metric, 'resource.target');
  const resource = stringAt(metric, 'resource.name');
  const current = arrayAt(hpa, 'status.currentMetrics')[0];
  const utilization = at(current, 'resource.current.averageUtilization');
  const shown = typeof utilization === 'number' ? `${utilization}%` : '<unknown>';
  return metric ? `${resource}: ${shown}/${numberAt(target, 'averageUtilization')}%` : '<none>';
}

/** Cells by kind. */
export const morePrinters: Readonly<Record<string, Printer>> = {
  StatefulSet: (set, now) => [
    name(set),
    `${numberAt(set, 'status.readyReplicas')}/${numberAt(set, 'spec.replicas', 1)}`,
    age(set.metadata.creationTimestamp, now),
    ...containerCells(set).slice(0, 2),
  ],
  DaemonSet: (set, now) => {
    const selector = Object.entries(recordAt(set, 'spec.template.spec.nodeSelector')).map(
      ([k, v]) => `${k}=${String(v)}`,
    );
    return [
      name(set),
      numberAt(set, 'status.desiredNumberScheduled'),
      numberAt(set, 'status.currentNumberScheduled'),
      numberAt(set, 'status.numberReady'),
      numberAt(set, 'status.updatedNumberScheduled'),
      numberAt(set, 'status.numberAvailable'),
      selector.join(',') || '<none>',
      age(set.metadata.creationTimestamp, now),
      ...containerCells(set),
    ];
  },
  Job: (job, now) => [
    name(job),
    jobStatus(job),
    `${numberAt(job, 'status.succeeded')}/${numberAt(job, 'spec.completions', 1)}`,
    jobDuration(job, now),
    age(job.metadata.creationTimestamp, now),
    ...containerCells(job),
  ],
  Endpoints: (endpoints, now) => [
    name(endpoints),
    endpointList(endpoints),
    age(endpoints.metadata.creationTimestamp, now),
  ],
  PodDisruptionBudget: (pdb, now) => [
    name(pdb),
    intOrPercent(at(pdb, 'spec.minAvailable')),
    intOrPercent(at(pdb, 'spec.maxUnavailable')),
    numberAt(pdb, 'status.disruptionsAllowed'),
    age(pdb.metadata.creationTimestamp, now),
  ],
  HorizontalPodAutoscaler: (hpa, now) => [
    name(hpa),
    `${stringAt(hpa, 'spec.scaleTargetRef.kind')}/${stringAt(hpa, 'spec.scaleTargetRef.name')}`,
    hpaTargets(hpa),
    numberAt(hpa, 'spec.minReplicas', 1),
    numberAt(hpa, 'spec.maxReplicas'),
    numberAt(hpa, 'status.currentReplicas'),
    age(hpa.metadata.creationTimestamp, now),
  ],
  Lease: (lease, now) => [
    name(lease),
    stringAt(lease, 'spec.holderIdentity', '<none>'),
    age(lease.metadata.creationTimestamp, now),
  ],
  MutatingWebhookConfiguration: (config, now) => [
    name(config),
    arrayAt(config, 'webhooks').length,
    age(config.metadata.creationTimestamp, now),
  ],
  ValidatingWebhookConfiguration: (config, now) => [
    name(config),
    arrayAt(config, 'webhooks').length,
    age(config.metadata.creationTimestamp, now),
  ],
  CustomResourceDefinition: (crd) => [name(crd), crd.metadata.creationTimestamp ?? ''],
};
