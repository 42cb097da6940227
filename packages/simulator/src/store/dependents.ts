// Finding the objects an owner owns, for garbage collection and orphaning.
import type { ResourceType } from '../api/resource-types.ts';
import type { StoredObject } from '../api/types.ts';
import type { ObjectStore } from './object-store.ts';

/** One dependent and its type. */
export interface Dependent {
  readonly type: ResourceType;
  readonly object: StoredObject;
}

/**
 * Objects whose ownerReferences name `ownerUid`, from the store's owner index; a namespaced
 * owner's dependents share its namespace (a reference from elsewhere is not honoured).
 */
export function dependentsOf(
  store: ObjectStore,
  ownerUid: string,
  namespace: string | undefined,
): Dependent[] {
  return store
    .ownedBy(ownerUid)
    .filter(
      ({ type, object }) =>
        namespace === undefined || (type.isNamespaced && object.metadata.namespace === namespace),
    );
}
