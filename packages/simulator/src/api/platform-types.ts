// Declarative kinds apps ship beside their workloads (what Flux applies to a cluster): ingresses,
// ingress classes, network policies, storage classes and priority classes. Stored and served;
// nothing in a simulated cluster acts on them.
import { define } from './define-type.ts';
import type { ResourceType } from './resource-types.ts';

/** networking.k8s.io, storage.k8s.io and scheduling.k8s.io kinds, all at v1. */
export function platformTypes(): ResourceType[] {
  const networking = { group: 'networking.k8s.io', hasGeneration: true };
  return [
    define({
      ...networking,
      plural: 'ingresses',
      kind: 'Ingress',
      shortNames: ['ing'],
      hasStatus: true,
    }),
    define({ ...networking, plural: 'ingressclasses', kind: 'IngressClass', isNamespaced: false }),
    define({
      ...networking,
      plural: 'networkpolicies',
      kind: 'NetworkPolicy',
      shortNames: ['netpol'],
    }),
    define({
      group: 'storage.k8s.io',
      plural: 'storageclasses',
      kind: 'StorageClass',
      shortNames: ['sc'],
      isNamespaced: false,
    }),
    define({
      group: 'scheduling.k8s.io',
      plural: 'priorityclasses',
      kind: 'PriorityClass',
      shortNames: ['pc'],
      isNamespaced: false,
    }),
  ];
}
