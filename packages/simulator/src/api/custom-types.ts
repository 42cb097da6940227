// Resource types described by a CustomResourceDefinition: one per served version.
import { define } from './define-type.ts';
import type { ResourceType } from './resource-types.ts';
import { arrayAt, at, stringAt } from './table/json-path.ts';
import type { StoredObject } from './types.ts';

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The ResourceTypes `crd` serves (its served versions), all sharing the CRD's names. */
export function customTypesOf(crd: StoredObject): ResourceType[] {
  const names = at(crd, 'spec.names');
  const kind = stringAt(names, 'kind');
  const base = {
    group: stringAt(crd, 'spec.group'),
    plural: stringAt(names, 'plural'),
    singular: stringAt(names, 'singular', kind.toLowerCase()),
    kind,
    isNamespaced: stringAt(crd, 'spec.scope') === 'Namespaced',
    shortNames: strings(at(names, 'shortNames')),
    categories: strings(at(names, 'categories')),
    hasGeneration: true,
  };
  return arrayAt(crd, 'spec.versions')
    .filter((version) => at(version, 'served') === true)
    .map((version) =>
      define({
        ...base,
        version: stringAt(version, 'name'),
        hasStatus: at(version, 'subresources.status') !== undefined,
      }),
    );
}
