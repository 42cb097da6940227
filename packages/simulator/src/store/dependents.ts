// Finding the objects an owner owns, for garbage collection and orphaning.
import type { ResourceType } from '../api/resource-types.ts';
import type { StoredObject } from '../api/types.ts';
import type { ObjectStore } from './object-store.ts';

/** One dependent and its type. */
export interface Dependent {
  readonly type: ResourceType;
  readonly object: StoredObject;
}

/** Objects whose ownerReferences name `ownerUid`; a namespaced owner's dependents share its namespace. */
export function dependentsOf(
  store: ObjectStore,
  ownerUid: string,
  namespace: string | undefined,
): Dependent[] {
  const types = store.types().filter((type) => namespace === undefined || type.isNamespaced);
  return types.flatMap((type) =>
    store
      .list(type, type.isNamespaced ? namespace : undefined)
      .filter((object) => object.metadata.ownerReferences?.some((ref) => ref.uid === ownerUid))
      .map((object) => ({ type, object })),
  );
}
