// Garbage collection: when an owner is gone, its dependents are deleted (background propagation).
import { dependentsOf } from '../store/dependents.ts';
import type { Controller, ControllerDeps } from './controller-manager.ts';

/** Deletes dependents whose owners no longer exist. */
export function garbageCollector(deps: ControllerDeps): Controller {
  return {
    name: 'garbage-collector',
    keysFor: (event) =>
      event.type === 'DELETED'
        ? [`${event.object.metadata.namespace ?? ''}/${event.object.metadata.uid}`]
        : [],
    reconcile: (key) => {
      const at = key.indexOf('/');
      const namespace = key.slice(0, at) || undefined;
      for (const { type, object } of dependentsOf(
        deps.registry.store,
        key.slice(at + 1),
        namespace,
      )) {
        if (object.metadata.deletionTimestamp) continue;
        deps.registry.delete(type, object.metadata.namespace, object.metadata.name, {});
      }
    },
  };
}
