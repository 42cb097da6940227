// The resource types controllers work with, and small helpers for keys and owners.
import { typeOfKind } from '../api/resource-types.ts';
import type { ResourceType } from '../api/resource-types.ts';
import type { OwnerReference, StoredObject } from '../api/types.ts';
import type { StoreEvent } from '../store/event-log.ts';

export const namespaceType = typeOfKind('', 'Namespace');
export const nodeType = typeOfKind('', 'Node');
export const podType = typeOfKind('', 'Pod');
export const eventType = typeOfKind('', 'Event');
export const serviceAccountType = typeOfKind('', 'ServiceAccount');
export const configMapType = typeOfKind('', 'ConfigMap');
export const deploymentType = typeOfKind('apps', 'Deployment');
export const replicaSetType = typeOfKind('apps', 'ReplicaSet');
export const statefulSetType = typeOfKind('apps', 'StatefulSet');
export const daemonSetType = typeOfKind('apps', 'DaemonSet');
export const jobType = typeOfKind('batch', 'Job');
export const serviceType = typeOfKind('', 'Service');
export const endpointsType = typeOfKind('', 'Endpoints');
export const pdbType = typeOfKind('policy', 'PodDisruptionBudget');
export const crdType = typeOfKind('apiextensions.k8s.io', 'CustomResourceDefinition');

/** `namespace/name` of an object: the usual work-queue key. */
export function keyOf(object: StoredObject): string {
  return `${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}

/** Splits a `namespace/name` key. */
export function splitKey(key: string): [namespace: string, name: string] {
  const at = key.indexOf('/');
  return [key.slice(0, at), key.slice(at + 1)];
}

/** The controlling owner reference of `object`, if any, when it is of `kind`. */
export function controllerOf(object: StoredObject, kind: string): OwnerReference | undefined {
  return object.metadata.ownerReferences?.find(
    (ref) => ref.controller === true && ref.kind === kind,
  );
}

/** An owner reference that marks `owner` as the controller of a dependent. */
export function controllerRef(owner: StoredObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/**
 * Work-queue keys of a workload controller: the owner itself when it changes (not when it is gone),
 * or the owner controlling a changed `childType` object.
 */
export function ownerKeysFor(
  event: StoreEvent,
  ownerType: ResourceType,
  childType: ResourceType,
): string[] {
  if (event.resource === ownerType) return event.type === 'DELETED' ? [] : [keyOf(event.object)];
  if (event.resource !== childType) return [];
  const owner = controllerOf(event.object, ownerType.kind);
  return owner ? [`${event.object.metadata.namespace ?? ''}/${owner.name}`] : [];
}
