// Server-side defaults of ingresses and storage classes, as a v1.32 API server fills them.
import type { KindHooks } from './kind-hooks.ts';

/**
 * Ingress: create cannot set status, and the server stores the empty IngressStatus, whose
 * `loadBalancer` is not omitempty, so clients see `status: {loadBalancer: {}}` until a controller
 * writes one.
 */
export const ingressHooks: KindHooks = {
  defaultCreate: (object) => ({ ...object, status: { loadBalancer: {} } }),
};

/** StorageClass: volumes are deleted with their claims and bound at once unless told otherwise. */
export const storageClassHooks: KindHooks = {
  defaultCreate: (object) => ({
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'Immediate',
    ...object,
  }),
};
