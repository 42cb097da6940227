// Building ResourceType entries with the API server's usual defaults, for every file that lists kinds.
import type { ResourceType } from './resource-types.ts';

/** The verbs of an ordinary stored resource. */
export const allVerbs: readonly string[] = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];

type Spec = Partial<ResourceType> & Pick<ResourceType, 'plural' | 'kind'>;

/** A frozen ResourceType: core/v1, namespaced, every verb, subdomain names unless `spec` says otherwise. */
export function define(spec: Spec): ResourceType {
  return Object.freeze({
    group: '',
    version: 'v1',
    singular: spec.kind.toLowerCase(),
    isNamespaced: true,
    shortNames: [],
    categories: [],
    verbs: allVerbs,
    nameRule: 'subdomain',
    hasStatus: false,
    hasGeneration: false,
    hasScale: false,
    ...spec,
  });
}
