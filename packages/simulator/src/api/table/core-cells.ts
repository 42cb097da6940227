// Table cells of the core kinds other than pods.
import type { KubeObject } from '../types.ts';
import { age } from './human-duration.ts';
import { arrayAt, at, numberAt, recordAt, stringAt } from './json-path.ts';
import type { Cells } from './workload-cells.ts';

function nodeStatus(node: KubeObject): string {
  const ready = arrayAt(node, 'status.conditions').find((c) => stringAt(c, 'type') === 'Ready');
  const status = stringAt(ready, 'status') === 'True' ? 'Ready' : 'NotReady';
  return at(node, 'spec.unschedulable') === true ? `${status},SchedulingDisabled` : status;
}

function nodeRoles(node: KubeObject): string {
  const prefix = 'node-role.kubernetes.io/';
  const roles = Object.keys(node.metadata.labels ?? {})
    .filter((key) => key.startsWith(prefix))
    .map((key) => key.slice(prefix.length));
  return roles.length > 0 ? roles.sort().join(',') : '<none>';
}

function nodeAddress(node: KubeObject, type: string): string {
  const address = arrayAt(node, 'status.addresses').find((a) => stringAt(a, 'type') === type);
  return stringAt(address, 'address', '<none>');
}

/** NAME STATUS ROLES AGE VERSION | INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME. */
export function nodeCells(node: KubeObject, now: number): Cells {
  return [
    node.metadata.name ?? '',
    nodeStatus(node),
    nodeRoles(node),
    age(node.metadata.creationTimestamp, now),
    stringAt(node, 'status.nodeInfo.kubeletVersion'),
    nodeAddress(node, 'InternalIP'),
    nodeAddress(node, 'ExternalIP'),
    stringAt(node, 'status.nodeInfo.osImage'),
    stringAt(node, 'status.nodeInfo.kernelVersion'),
    stringAt(node, 'status.nodeInfo.containerRuntimeVersion'),
  ];
}

/** NAME STATUS AGE. */
export function namespaceCells(namespace: KubeObject, now: number): Cells {
  const phase = stringAt(namespace, 'status.phase', 'Active');
  return [namespace.metadata.name ?? '', phase, age(namespace.metadata.creationTimestamp, now)];
}

function servicePorts(service: KubeObject): string {
  const ports = arrayAt(service, 'spec.ports').map((port) => {
    const nodePort = numberAt(port, 'nodePort');
    const base = nodePort
      ? `${numberAt(port, 'port')}:${nodePort}`
      : String(numberAt(port, 'port'));
    return `${base}/${stringAt(port, 'protocol', 'TCP')}`;
  });
  return ports.length > 0 ? ports.join(',') : '<none>';
}

/** NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE | SELECTOR. */
export function serviceCells(service: KubeObject, now: number): Cells {
  const selector = Object.entries(recordAt(service, 'spec.selector'))
    .map(([key, value]) => `${key}=${String(value as string)}`)
    .join(',');
  const external = arrayAt(service, 'spec.externalIPs').join(',');
  return [
    service.metadata.name ?? '',
    stringAt(service, 'spec.type', 'ClusterIP'),
    stringAt(service, 'spec.clusterIP', '<none>'),
    external || '<none>',
    servicePorts(service),
    age(service.metadata.creationTimestamp, now),
    selector || '<none>',
  ];
}

/** NAME DATA AGE. */
export function configMapCells(configMap: KubeObject, now: number): Cells {
  const count =
    Object.keys(recordAt(configMap, 'data')).length +
    Object.keys(recordAt(configMap, 'binaryData')).length;
  return [configMap.metadata.name ?? '', count, age(configMap.metadata.creationTimestamp, now)];
}

/** NAME TYPE DATA AGE. */
export function secretCells(secret: KubeObject, now: number): Cells {
  const count = Object.keys(recordAt(secret, 'data')).length;
  const type = stringAt(secret, 'type', 'Opaque');
  return [secret.metadata.name ?? '', type, count, age(secret.metadata.creationTimestamp, now)];
}

/** NAME SECRETS AGE. */
export function serviceAccountCells(account: KubeObject, now: number): Cells {
  const secrets = arrayAt(account, 'secrets').length;
  return [account.metadata.name ?? '', secrets, age(account.metadata.creationTimestamp, now)];
}

/** LAST SEEN TYPE REASON OBJECT MESSAGE | SUBOBJECT SOURCE FIRST SEEN COUNT NAME. */
export function eventCells(event: KubeObject, now: number): Cells {
  const involved = `${stringAt(event, 'involvedObject.kind').toLowerCase()}/${stringAt(event, 'involvedObject.name')}`;
  const last =
    at(event, 'lastTimestamp') ?? at(event, 'eventTime') ?? event.metadata.creationTimestamp;
  return [
    age(last, now),
    stringAt(event, 'type'),
    stringAt(event, 'reason'),
    involved,
    stringAt(event, 'involvedObject.fieldPath'),
    stringAt(event, 'source.component'),
    stringAt(event, 'message'),
    age(at(event, 'firstTimestamp') ?? event.metadata.creationTimestamp, now),
    numberAt(event, 'count', 1),
    event.metadata.name ?? '',
  ];
}
