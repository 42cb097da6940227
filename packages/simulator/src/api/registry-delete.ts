// Deletion as kube-apiserver does it: preconditions, finalizers, graceful pod termination, orphaning.
import { timestamp } from '../clock.ts';
import type { Clock } from '../clock.ts';
import { dependentsOf } from '../store/dependents.ts';
import type { ObjectStore } from '../store/object-store.ts';
import { isRecord } from './types.ts';
import type { StoredObject } from './types.ts';
import type { ResourceType } from './resource-types.ts';
import { conflict, successStatus } from './status.ts';
import type { KubeStatus } from './status.ts';

/** The parts of `DeleteOptions` the simulator honours. */
export interface DeleteOptions {
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
  /** `dryRun: ["All"]` in the body or `?dryRun=All`: admit and answer, delete nothing. */
  isDryRun?: boolean;
}

function checkPreconditions(
  type: ResourceType,
  object: StoredObject,
  options: DeleteOptions,
): void {
  const { uid, resourceVersion } = options.preconditions ?? {};
  const name = object.metadata.name;
  if (uid && uid !== object.metadata.uid) {
    const why = `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${object.metadata.uid}`;
    throw conflict(type, name, why);
  }
  if (resourceVersion && resourceVersion !== object.metadata.resourceVersion) {
    const why = `Precondition failed: ResourceVersion in precondition: ${resourceVersion}, ResourceVersion in object meta: ${object.metadata.resourceVersion}`;
    throw conflict(type, name, why);
  }
}

/** Seconds a pod is given to terminate; zero deletes at once (also for pods never scheduled). */
function gracePeriod(type: ResourceType, object: StoredObject, options: DeleteOptions): number {
  if (type.group !== '' || type.kind !== 'Pod') return 0;
  const spec = isRecord(object['spec']) ? object['spec'] : {};
  if (!spec['nodeName']) return 0;
  const fromSpec =
    typeof spec['terminationGracePeriodSeconds'] === 'number'
      ? spec['terminationGracePeriodSeconds']
      : 30;
  return options.gracePeriodSeconds ?? fromSpec;
}

function finalizersOf(type: ResourceType, object: StoredObject): string[] {
  const own = object.metadata.finalizers ?? [];
  if (type.kind !== 'Namespace') return own;
  const spec = isRecord(object['spec']) ? object['spec'] : {};
  const specFinalizers = Array.isArray(spec['finalizers']) ? (spec['finalizers'] as string[]) : [];
  return [...own, ...specFinalizers];
}

function markDeleting(
  store: ObjectStore,
  clock: Clock,
  type: ResourceType,
  object: StoredObject,
  grace: number,
) {
  const metadata = {
    ...object.metadata,
    resourceVersion: store.nextRevision(),
    deletionTimestamp: timestamp(clock),
    deletionGracePeriodSeconds: grace,
  };
  const status =
    type.kind === 'Namespace'
      ? { ...(object['status'] as object), phase: 'Terminating' }
      : object['status'];
  const marked: StoredObject =
    status === undefined ? { ...object, metadata } : { ...object, metadata, status };
  return store.put(type, marked);
}

function orphanDependents(store: ObjectStore, owner: StoredObject): void {
  for (const { type, object } of dependentsOf(
    store,
    owner.metadata.uid,
    owner.metadata.namespace,
  )) {
    const ownerReferences = object.metadata.ownerReferences?.filter(
      (ref) => ref.uid !== owner.metadata.uid,
    );
    const metadata = { ...object.metadata, ownerReferences, resourceVersion: store.nextRevision() };
    if (ownerReferences?.length === 0) delete metadata.ownerReferences;
    store.put(type, { ...object, metadata });
  }
}

/**
 * Deletes `object`. Objects with finalizers (namespaces have `kubernetes`) and scheduled pods are
 * only marked with a deletionTimestamp and returned; controllers finish the job. Anything else
 * goes at once and the answer is a `Success` status. Dependents are garbage-collected later by
 * the collector, or orphaned here when the policy says so.
 */
export function deleteObject(
  store: ObjectStore,
  clock: Clock,
  object: StoredObject,
  type: ResourceType,
  options: DeleteOptions,
): StoredObject | KubeStatus {
  checkPreconditions(type, object, options);
  if (object.metadata.deletionTimestamp) return object;
  if (options.propagationPolicy === 'Orphan') orphanDependents(store, object);
  const grace = gracePeriod(type, object, options);
  if (grace > 0 || finalizersOf(type, object).length > 0) {
    return markDeleting(store, clock, type, object, grace);
  }
  store.remove(type, object);
  return successStatus(type, object.metadata.name, object.metadata.uid);
}
