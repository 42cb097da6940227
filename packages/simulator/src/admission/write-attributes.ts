// The admission attributes of a create or an update, and what a dry run answers instead of storing.
import { updatedMetadata } from '../api/object-meta.ts';
import type { ResourceType } from '../api/resource-types.ts';
import type { KubeObject, StoredObject } from '../api/types.ts';
import type { AdmissionAttributes, WriteRequest } from './attributes.ts';

/** Attributes of creating `object` (whose name may still be unset). */
export function createAttributes(
  type: ResourceType,
  namespace: string | undefined,
  name: string,
  object: KubeObject,
  request: WriteRequest,
): AdmissionAttributes {
  const base = { operation: 'CREATE', type, name, object } as const;
  const scope = namespace === undefined ? {} : { namespace };
  return { ...base, ...scope, user: request.user, isDryRun: request.isDryRun ?? false };
}

/** Attributes of replacing `states.previous` with `states.next`. */
export function updateAttributes(
  target: { type: ResourceType; namespace: string | undefined; name: string },
  subresource: string | undefined,
  states: { next: KubeObject; previous: StoredObject },
  request: WriteRequest,
): AdmissionAttributes {
  const { type, namespace, name } = target;
  return {
    operation: 'UPDATE',
    type,
    name,
    ...(namespace === undefined ? {} : { namespace }),
    ...(subresource === undefined ? {} : { subresource }),
    object: states.next,
    oldObject: states.previous,
    user: request.user,
    isDryRun: request.isDryRun ?? false,
  };
}

/** The object an update would store, at its current resourceVersion, for a dry run. */
export function dryRunResult(next: KubeObject, previous: StoredObject): StoredObject {
  const metadata = updatedMetadata(next, previous, previous.metadata.resourceVersion);
  return { ...next, metadata };
}

/** Attributes of deleting `current`. */
export function deleteAttributes(
  type: ResourceType,
  current: StoredObject,
  request: WriteRequest,
): AdmissionAttributes {
  const { name, namespace } = current.metadata;
  return {
    operation: 'DELETE',
    type,
    name,
    ...(namespace === undefined ? {} : { namespace }),
    object: current,
    user: request.user,
    isDryRun: request.isDryRun ?? false,
  };
}
