// Server-side defaults of storage classes, as a v1.32 API server fills them.
import type { KindHooks } from './kind-hooks.ts';

/** StorageClass: volumes are deleted with their claims and bound at once unless told otherwise. */
export const storageClassHooks: KindHooks = {
  defaultCreate: (object) => ({
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'Immediate',
    ...object,
  }),
};
