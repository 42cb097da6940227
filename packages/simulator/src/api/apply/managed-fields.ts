// metadata.managedFields: which manager owns which fields, updated on every write a request makes.
import { kindSchema } from '../openapi/kind-schemas.ts';
import type { ObjectStore } from '../../store/object-store.ts';
import { groupVersion } from '../resource-types.ts';
import type { ResourceType } from '../resource-types.ts';
import { isRecord } from '../types.ts';
import type { KubeObject, StoredObject } from '../types.ts';
import { leavesOf } from './field-paths.ts';
import type { Leaves, PathKey } from './field-paths.ts';
import { fromFieldsV1, toFieldsV1 } from './fields-v1.ts';
import { scopeFor } from './request-scope.ts';
import type { WriteScope } from './request-scope.ts';

/** One managedFields entry with its field set decoded. */
export interface Manager {
  readonly manager: string;
  readonly operation: 'Apply' | 'Update';
  readonly apiVersion: string;
  readonly time?: string;
  readonly subresource?: string;
  readonly fields: Set<PathKey>;
}

/** The entries of `object`'s managedFields. */
export function managersOf(object: KubeObject | undefined): Manager[] {
  const entries = object?.metadata.managedFields;
  if (!Array.isArray(entries)) return [];
  return entries.filter(isRecord).map((entry) => ({
    manager: typeof entry['manager'] === 'string' ? entry['manager'] : '',
    operation: entry['operation'] === 'Apply' ? 'Apply' : 'Update',
    apiVersion: typeof entry['apiVersion'] === 'string' ? entry['apiVersion'] : '',
    ...(typeof entry['time'] === 'string' ? { time: entry['time'] } : {}),
    ...(typeof entry['subresource'] === 'string' ? { subresource: entry['subresource'] } : {}),
    fields: fromFieldsV1(entry['fieldsV1']),
  }));
}

/** Whether two entries are the same manager (apply entries are not told apart by apiVersion). */
export function isSameManager(a: Omit<Manager, 'fields'>, b: Omit<Manager, 'fields'>): boolean {
  const sameVersion = a.operation === 'Apply' || a.apiVersion === b.apiVersion;
  return (
    a.manager === b.manager &&
    a.operation === b.operation &&
    (a.subresource ?? '') === (b.subresource ?? '') &&
    sameVersion
  );
}

/** managedFields as stored: entries without fields are dropped. */
export function encodeManagers(managers: readonly Manager[]): Record<string, unknown>[] {
  return managers
    .filter((entry) => entry.fields.size > 0)
    .map((entry) => ({
      manager: entry.manager,
      operation: entry.operation,
      apiVersion: entry.apiVersion,
      ...(entry.time ? { time: entry.time } : {}),
      fieldsType: 'FieldsV1',
      fieldsV1: toFieldsV1(entry.fields),
      ...(entry.subresource ? { subresource: entry.subresource } : {}),
    }));
}

/** The paths of `next` that are new or changed since `previous`, and those it no longer has. */
function changes(next: Leaves, previous: Leaves): { changed: PathKey[]; removed: PathKey[] } {
  const changed = [...next].filter(([key, value]) => previous.get(key) !== value).map(([k]) => k);
  const removed = [...previous.keys()].filter((key) => !next.has(key));
  return { changed, removed };
}

function isInScope(key: PathKey, subresource: string | undefined): boolean {
  const isStatus = key.startsWith('["f:status"');
  return subresource === 'status' ? isStatus : !isStatus;
}

function updatedManagers(
  scope: WriteScope,
  type: ResourceType,
  leaves: { next: Leaves; previous: Leaves },
  existing: Manager[],
): Manager[] {
  const { changed, removed } = changes(leaves.next, leaves.previous);
  const owned = changed.filter((key) =>
    isInScope(key, scope.subresource === 'status' ? 'status' : undefined),
  );
  const me = {
    manager: scope.manager,
    operation: 'Update' as const,
    apiVersion: groupVersion(type),
    time: scope.time,
    ...(scope.subresource ? { subresource: scope.subresource } : {}),
  };
  const gone = new Set([...owned, ...removed]);
  const others = existing
    .filter((entry) => !isSameManager(entry, me))
    .map((entry) => ({
      ...entry,
      fields: new Set([...entry.fields].filter((key) => !gone.has(key))),
    }));
  const mine = existing.find((entry) => isSameManager(entry, me));
  const fields = new Set([...(mine?.fields ?? [])].filter((key) => !removed.includes(key)));
  for (const key of owned) fields.add(key);
  return [...others, { ...me, fields }];
}

/**
 * The object to store with its managedFields brought up to date: the request's manager takes the
 * fields it changed (an `Update` entry); a body without managedFields keeps the previous ones.
 */
export function withManagedFields(
  type: ResourceType,
  store: ObjectStore,
  object: StoredObject,
  previous?: StoredObject,
): StoredObject {
  const kept = object.metadata.managedFields ?? previous?.metadata.managedFields;
  const base: StoredObject =
    kept === undefined
      ? object
      : { ...object, metadata: { ...object.metadata, managedFields: kept } };
  const scope = scopeFor(type, object.metadata.name);
  if (!scope) return base;
  scope.isUsed = true;
  if (scope.isApply) return base;
  const { schema } = kindSchema(type, store);
  const leaves = { next: leavesOf(base, schema), previous: leavesOf(previous ?? {}, schema) };
  const managedFields = encodeManagers(updatedManagers(scope, type, leaves, managersOf(base)));
  return { ...base, metadata: { ...base.metadata, managedFields } };
}
