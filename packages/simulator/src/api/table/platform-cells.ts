// Table columns and cells of ingresses, ingress classes, network policies, storage and priority
// classes, as kube-apiserver's printers show them.
import type { KubeObject } from '../types.ts';
import { columns } from './columns.ts';
import type { ColumnDefinition } from './columns.ts';
import { age } from './human-duration.ts';
import { arrayAt, at, recordAt, stringAt } from './json-path.ts';
import type { Cells } from './workload-cells.ts';

/** Columns by kind. */
export const platformColumns: Readonly<Record<string, readonly ColumnDefinition[]>> = {
  Ingress: columns(['Name'], ['Class'], ['Hosts'], ['Address'], ['Ports'], ['Age']),
  IngressClass: columns(['Name'], ['Controller'], ['Parameters'], ['Age']),
  NetworkPolicy: columns(['Name'], ['Pod-Selector'], ['Age']),
  StorageClass: columns(
    ['Name'],
    ['Provisioner'],
    ['ReclaimPolicy'],
    ['VolumeBindingMode'],
    ['AllowVolumeExpansion'],
    ['Age'],
  ),
  PriorityClass: columns(
    ['Name'],
    ['Value', 'integer'],
    ['Global-Default'],
    ['Age'],
    ['PreemptionPolicy'],
  ),
};

const name = (object: KubeObject): string => object.metadata.name ?? '';
const created = (object: KubeObject, now: number): string =>
  age(object.metadata.creationTimestamp, now);

function hosts(ingress: KubeObject): string {
  const names = arrayAt(ingress, 'spec.rules')
    .map((rule) => stringAt(rule, 'host'))
    .filter((host) => host !== '');
  return names.length > 0 ? names.join(',') : '*';
}

function addresses(ingress: KubeObject): string {
  return arrayAt(ingress, 'status.loadBalancer.ingress')
    .map((entry) => stringAt(entry, 'ip') || stringAt(entry, 'hostname'))
    .join(',');
}

/** `app=web,tier=front` like a label selector prints, or `<none>` when it selects every pod. */
function podSelector(policy: KubeObject): string {
  const labels = Object.entries(recordAt(policy, 'spec.podSelector.matchLabels'));
  const expressions = arrayAt(policy, 'spec.podSelector.matchExpressions').map(
    (e) =>
      `${stringAt(e, 'key')} ${stringAt(e, 'operator').toLowerCase()} (${arrayAt(e, 'values').map(String).join(',')})`,
  );
  const terms = [...labels.map(([key, value]) => `${key}=${String(value)}`), ...expressions];
  return terms.length > 0 ? terms.join(',') : '<none>';
}

function isDefaultClass(storageClass: KubeObject): boolean {
  const annotations = storageClass.metadata.annotations ?? {};
  return annotations['storageclass.kubernetes.io/is-default-class'] === 'true';
}

/** Cell printers by kind. */
export const platformPrinters: Readonly<
  Record<string, (object: KubeObject, now: number) => Cells>
> = {
  Ingress: (ingress, now) => [
    name(ingress),
    stringAt(ingress, 'spec.ingressClassName', '<none>'),
    hosts(ingress),
    addresses(ingress),
    arrayAt(ingress, 'spec.tls').length > 0 ? '80, 443' : '80',
    created(ingress, now),
  ],
  IngressClass: (ingressClass, now) => [
    name(ingressClass),
    stringAt(ingressClass, 'spec.controller'),
    stringAt(ingressClass, 'spec.parameters.name', '<none>'),
    created(ingressClass, now),
  ],
  NetworkPolicy: (policy, now) => [name(policy), podSelector(policy), created(policy, now)],
  StorageClass: (storageClass, now) => [
    isDefaultClass(storageClass) ? `${name(storageClass)} (default)` : name(storageClass),
    stringAt(storageClass, 'provisioner'),
    stringAt(storageClass, 'reclaimPolicy', 'Delete'),
    stringAt(storageClass, 'volumeBindingMode', 'Immediate'),
    String(at(storageClass, 'allowVolumeExpansion') === true),
    created(storageClass, now),
  ],
  PriorityClass: (priorityClass, now) => [
    name(priorityClass),
    Number(at(priorityClass, 'value') ?? 0),
    String(at(priorityClass, 'globalDefault') === true),
    created(priorityClass, now),
    stringAt(priorityClass, 'preemptionPolicy', 'PreemptLowerPriority'),
  ],
};
