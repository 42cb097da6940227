// The resource types one cluster serves: the built-ins plus those its CustomResourceDefinitions add.
import type { StoreEvent } from '../store/event-log.ts';
import type { ObjectStore } from '../store/object-store.ts';
import { customTypesOf } from './custom-types.ts';
import { resourceTypes, typeOfKind } from './resource-types.ts';
import type { ResourceType } from './resource-types.ts';

const crdType = typeOfKind('apiextensions.k8s.io', 'CustomResourceDefinition');

/**
 * Follows the store's CRDs synchronously, so a custom resource can be created the moment its
 * CRD's create returns (the CRD is Established at once).
 */
export class TypeCatalog {
  readonly #custom = new Map<string, readonly ResourceType[]>();
  #all: readonly ResourceType[] = resourceTypes;

  constructor(store: ObjectStore) {
    store.subscribe((event) => this.#follow(event));
  }

  /** Every served type, built-ins first. */
  all(): readonly ResourceType[] {
    return this.#all;
  }

  /** The custom types a CRD named `crdName` serves (empty when it is unknown). */
  customTypes(crdName: string): readonly ResourceType[] {
    return this.#custom.get(crdName) ?? [];
  }

  #follow(event: StoreEvent): void {
    if (event.resource !== crdType) return;
    const name = event.object.metadata.name;
    if (event.type === 'DELETED') this.#custom.delete(name);
    else this.#custom.set(name, customTypesOf(event.object));
    this.#all = [...resourceTypes, ...[...this.#custom.values()].flat()];
  }
}
