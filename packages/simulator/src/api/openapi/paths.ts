// The `paths` of an OpenAPI v3 document: each resource's operations, tagged with their kind.
import { groupVersion } from '../resource-types.ts';
import type { ResourceType } from '../resource-types.ts';
import type { Json } from './json.ts';

const queryParameter = (name: string, description: string): Json => ({
  name,
  in: 'query',
  description,
  schema: { type: 'string', uniqueItems: true },
});

const dryRun = queryParameter('dryRun', 'When present, modifications are not persisted.');
const fieldManager = queryParameter(
  'fieldManager',
  'A name for the actor making these changes; required for apply requests.',
);
const fieldValidation = queryParameter(
  'fieldValidation',
  'How the server treats unknown and duplicate fields: Ignore, Warn or Strict.',
);
const force = {
  ...queryParameter('force', 'Re-acquire fields owned by other managers on apply.'),
  schema: { type: 'boolean', uniqueItems: true },
};

type Verb = 'get' | 'list' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

const httpMethod: Readonly<Record<Verb, string>> = {
  get: 'get',
  list: 'get',
  create: 'post',
  update: 'put',
  patch: 'patch',
  delete: 'delete',
  deletecollection: 'delete',
};

const writeParameters: Readonly<Partial<Record<Verb, Json[]>>> = {
  create: [dryRun, fieldManager, fieldValidation],
  update: [dryRun, fieldManager, fieldValidation],
  patch: [dryRun, fieldManager, fieldValidation, force],
};

function operation(type: ResourceType, verb: Verb, schemaName: string): Json {
  const body = { $ref: `#/components/schemas/${schemaName}` };
  const isCollection = verb === 'list' || verb === 'deletecollection';
  const content = { 'application/json': { schema: isCollection ? { type: 'object' } : body } };
  return {
    operationId: `${verb}${type.kind}`,
    description: `${verb} ${isCollection ? 'a collection of' : 'the specified'} ${type.kind}`,
    parameters: writeParameters[verb] ?? [],
    ...(['create', 'update'].includes(verb)
      ? { requestBody: { content: { '*/*': { schema: body } } } }
      : {}),
    ...(verb === 'patch'
      ? {
          requestBody: {
            content: { 'application/apply-patch+yaml': { schema: { type: 'object' } } },
          },
        }
      : {}),
    responses: { '200': { description: 'OK', content } },
    'x-kubernetes-action': verb === 'create' ? 'post' : verb === 'update' ? 'put' : verb,
    'x-kubernetes-group-version-kind': {
      group: type.group,
      version: type.version,
      kind: type.kind,
    },
  };
}

function pathItem(type: ResourceType, verbs: readonly Verb[], schemaName: string): Json {
  const served = verbs.filter((verb) => type.verbs.includes(verb));
  return Object.fromEntries(
    served.map((verb) => [httpMethod[verb], operation(type, verb, schemaName)]),
  );
}

/** The paths serving `type`: its collection and its named objects (namespaced ones under namespaces). */
export function resourcePaths(type: ResourceType, schemaName: string): Json {
  const prefix = type.group ? `/apis/${groupVersion(type)}` : '/api/v1';
  const scope = type.isNamespaced ? `${prefix}/namespaces/{namespace}` : prefix;
  const entries: [string, Json][] = [
    [`${scope}/${type.plural}`, pathItem(type, ['list', 'create', 'deletecollection'], schemaName)],
    [
      `${scope}/${type.plural}/{name}`,
      pathItem(type, ['get', 'update', 'patch', 'delete'], schemaName),
    ],
  ];
  if (type.isNamespaced)
    entries.push([`${prefix}/${type.plural}`, pathItem(type, ['list'], schemaName)]);
  return Object.fromEntries(entries.filter(([, item]) => Object.keys(item).length > 0));
}
