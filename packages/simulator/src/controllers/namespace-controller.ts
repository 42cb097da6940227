// Namespace lifecycle: a new namespace gets its default ServiceAccount and root CA ConfigMap; a deleted one is emptied, then removed.
import type { StoredObject } from '../api/types.ts';
import type { Controller, ControllerDeps } from './controller-manager.ts';
import { configMapType, namespaceType, serviceAccountType } from './kinds.ts';

const rootCa =
  '-----BEGIN CERTIFICATE-----\nFLOTILLA-SIMULATED-CLUSTER-CA\n-----END CERTIFICATE-----\n';

function ensureDefaults(deps: ControllerDeps, namespace: string): void {
  const { registry } = deps;
  if (!registry.store.get(serviceAccountType, namespace, 'default')) {
    registry.create(serviceAccountType, namespace, { metadata: { name: 'default' } });
  }
  if (!registry.store.get(configMapType, namespace, 'kube-root-ca.crt')) {
    const annotations = {
      'kubernetes.io/description':
        'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.',
    };
    registry.create(configMapType, namespace, {
      metadata: { name: 'kube-root-ca.crt', annotations },
      data: { 'ca.crt': rootCa },
    });
  }
}

/** Deletes everything in the namespace; true once nothing is left. */
function emptyNamespace(deps: ControllerDeps, namespace: string): boolean {
  let isEmpty = true;
  for (const type of deps.registry.store.types().filter((t) => t.isNamespaced)) {
    for (const object of deps.registry.store.list(type, namespace)) {
      isEmpty = false;
      if (!object.metadata.deletionTimestamp)
        deps.registry.delete(type, namespace, object.metadata.name, { gracePeriodSeconds: 0 });
    }
  }
  return isEmpty;
}

function finalize(deps: ControllerDeps, namespace: StoredObject): void {
  if (emptyNamespace(deps, namespace.metadata.name))
    deps.registry.store.remove(namespaceType, namespace);
}

/** The namespace controller. */
export function namespaceController(deps: ControllerDeps): Controller {
  return {
    name: 'namespace',
    keysFor: (event) => {
      if (event.resource === namespaceType)
        return event.type === 'DELETED' ? [] : [event.object.metadata.name];
      const namespace = event.object.metadata.namespace;
      return event.type === 'DELETED' && namespace ? [namespace] : [];
    },
    reconcile: (name) => {
      const namespace = deps.registry.store.get(namespaceType, undefined, name);
      if (!namespace) return;
      if (namespace.metadata.deletionTimestamp) finalize(deps, namespace);
      else ensureDefaults(deps, name);
    },
  };
}
