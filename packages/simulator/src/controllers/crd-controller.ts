// Deleting a CustomResourceDefinition deletes every custom resource it served, as the CRD finalizer does.
import type { Controller, ControllerDeps } from './controller-manager.ts';
import { crdType } from './kinds.ts';

/** Removes the instances of deleted CRDs (the catalog already stopped serving them). */
export function crdController(deps: ControllerDeps): Controller {
  return {
    name: 'crd-cleanup',
    keysFor: (event) =>
      event.resource === crdType && event.type === 'DELETED' ? [event.object.metadata.name] : [],
    reconcile: (name) => {
      const dot = name.indexOf('.');
      const [plural, group] = [name.slice(0, dot), name.slice(dot + 1)];
      const { store } = deps.registry;
      for (const type of store.types().filter((t) => t.plural === plural && t.group === group)) {
        for (const object of store.list(type)) store.remove(type, object);
      }
    },
  };
}
