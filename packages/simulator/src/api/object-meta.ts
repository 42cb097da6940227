// Metadata rules of writes: names, generated names, system fields the client may not set.
import { randomSuffix, randomUid, timestamp } from '../clock.ts';
import type { Clock, Random } from '../clock.ts';
import type { HookContext } from '../kinds/index.ts';
import { invalidValue, required } from '../kinds/kind-hooks.ts';
import { nodePortsOf } from '../kinds/node-ports.ts';
import type { ObjectStore } from '../store/object-store.ts';
import { nameErrors } from './names.ts';
import { omit } from './omit.ts';
import { typeOfKind } from './resource-types.ts';
import type { ResourceType } from './resource-types.ts';
import { invalid } from './status.ts';
import type { StatusCause } from './status.ts';
import type { KubeObject, StoredObject } from './types.ts';

const serviceType = typeOfKind('', 'Service');
const priorityClassType = typeOfKind('scheduling.k8s.io', 'PriorityClass');

/** The name a create will use: the given one, or `generateName` plus a random suffix. */
export function chooseName(type: ResourceType, object: KubeObject, random: Random): string {
  const { name, generateName } = object.metadata;
  if (typeof name === 'string' && name) return name;
  if (typeof generateName === 'string' && generateName) {
    return `${generateName.slice(0, 58)}${randomSuffix(random)}`;
  }
  throw invalid(type, '', [required('metadata.name', 'name or generateName is required')]);
}

/** 422 unless `name` follows the kind's naming rule. */
export function checkName(type: ResourceType, name: string): void {
  const causes: StatusCause[] = nameErrors(type.nameRule, name).map((message) =>
    invalidValue('metadata.name', name, message),
  );
  if (causes.length > 0) throw invalid(type, name, causes);
}

/** System metadata of a new object: uid, creation time, first generation, resourceVersion. */
export function newMetadata(
  object: KubeObject,
  fields: { type: ResourceType; name: string; namespace?: string; revision: string },
  deps: { clock: Clock; random: Random },
): StoredObject['metadata'] {
  const rest = omit(object.metadata, 'deletionTimestamp', 'deletionGracePeriodSeconds');
  const metadata: StoredObject['metadata'] = {
    ...rest,
    name: fields.name,
    uid: randomUid(deps.random),
    resourceVersion: fields.revision,
    creationTimestamp: timestamp(deps.clock),
  };
  if (fields.namespace !== undefined) metadata.namespace = fields.namespace;
  else delete metadata.namespace;
  if (fields.type.hasGeneration) metadata.generation = 1;
  else delete metadata.generation;
  return metadata;
}

/** Metadata of an update: the client's, with the fields only the server owns kept from before. */
export function updatedMetadata(
  object: KubeObject,
  previous: StoredObject,
  revision: string,
): StoredObject['metadata'] {
  const old = previous.metadata;
  const metadata: StoredObject['metadata'] = {
    ...object.metadata,
    name: old.name,
    uid: old.uid,
    resourceVersion: revision,
    creationTimestamp: old.creationTimestamp,
  };
  for (const field of [
    'namespace',
    'generation',
    'deletionTimestamp',
    'deletionGracePeriodSeconds',
  ]) {
    if (old[field] === undefined) delete metadata[field];
    else metadata[field] = old[field];
  }
  return metadata;
}

/** Dependencies a registry hands to kind hooks. */
export function hookContext(
  deps: { clock: Clock; random: Random; store: ObjectStore },
  serviceIps: () => string,
): HookContext {
  return {
    clock: deps.clock,
    random: deps.random,
    allocateServiceIp: serviceIps,
    usedNodePorts: () => nodePortsOf(deps.store.list(serviceType)),
    priorityClass: (name) =>
      name === undefined
        ? deps.store.list(priorityClassType).find((found) => found['globalDefault'] === true)
        : deps.store.get(priorityClassType, undefined, name),
    listIn: (type, namespace) => deps.store.list(type, namespace),
  };
}
