// Server-side apply (PATCH application/apply-patch+yaml): merge, field ownership and conflicts.
import { parse } from 'yaml';
import type { AdmissionOutcome } from '../../admission/admission.ts';
import type { WriteRequest } from '../../admission/attributes.ts';
import { kindSchema } from '../openapi/kind-schemas.ts';
import { builtinSchemas } from '../openapi/kind-schemas.ts';
import type { Schema } from '../openapi/schema-dsl.ts';
import { unknownFields } from '../openapi/unknown-fields.ts';
import type { Registry } from '../registry.ts';
import type { ResourceRequest } from '../request-info.ts';
import { groupVersion } from '../resource-types.ts';
import type { ResourceType } from '../resource-types.ts';
import { badRequest, KubeError } from '../status.ts';
import { isRecord } from '../types.ts';
import type { KubeObject, StoredObject } from '../types.ts';
import { conflictError, conflictsOf } from './apply-conflicts.ts';
import type { Conflict } from './apply-conflicts.ts';
import { applyMerge, removeField } from './apply-merge.ts';
import { leavesOf } from './field-paths.ts';
import type { Leaves } from './field-paths.ts';
import { encodeManagers, isSameManager, managersOf } from './managed-fields.ts';
import type { Manager } from './managed-fields.ts';
import { currentScope } from './request-scope.ts';
import type { WriteScope } from './request-scope.ts';

/** The media type of an apply request. */
export const applyPatchType = 'application/apply-patch+yaml';

function requireManager(): WriteScope & { fieldManager: string } {
  const scope = currentScope();
  if (scope?.fieldManager) return { ...scope, fieldManager: scope.fieldManager };
  const cause = {
    reason: 'FieldValueRequired',
    message: 'Required value: is required for apply patch',
    field: 'fieldManager',
  };
  const text = `PatchOptions.meta.k8s.io "" is invalid: fieldManager: ${cause.message}`;
  throw new KubeError(422, 'Invalid', text, {
    group: 'meta.k8s.io',
    kind: 'PatchOptions',
    name: '',
    causes: [cause],
  });
}

function parseApplied(text: string, type: ResourceType, name: string): KubeObject {
  let value: unknown;
  try {
    value = parse(text) as unknown;
  } catch (error) {
    throw badRequest(
      `error decoding YAML: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!isRecord(value) || !isRecord(value['metadata'] ?? {})) {
    throw badRequest(`the object provided is unrecognized (must be of type ${type.kind})`);
  }
  if (value['apiVersion'] !== groupVersion(type) || value['kind'] !== type.kind) {
    const given = `${String(value['apiVersion'])}, Kind=${String(value['kind'])}`;
    throw badRequest(
      `the API version in the data (${given}) does not match the expected API version (${groupVersion(type)}, Kind=${type.kind})`,
    );
  }
  const metadata = { ...(value['metadata'] as Record<string, unknown>), name };
  return { ...value, apiVersion: groupVersion(type), kind: type.kind, metadata };
}

function checkDeclared(applied: KubeObject, schema: Schema, type: ResourceType): void {
  const [field] = unknownFields(applied, schema, builtinSchemas);
  if (field === undefined) return;
  const gvk = `${groupVersion(type)}, Kind=${type.kind}`;
  throw badRequest(
    `failed to create typed patch object (${gvk}): .${field}: field not declared in schema`,
  );
}

function ownedLeaves(applied: KubeObject, schema: Schema, type: ResourceType): Leaves {
  const leaves = leavesOf(applied, schema);
  if (type.hasStatus)
    for (const key of leaves.keys()) if (key.startsWith('["f:status"')) leaves.delete(key);
  return leaves;
}

/** Drops fields this manager applied before and no longer applies, unless someone else owns them. */
function pruned(
  object: unknown,
  before: Manager | undefined,
  now: Leaves,
  others: readonly Manager[],
): unknown {
  let result = object;
  for (const key of before?.fields ?? []) {
    const prefix = key.slice(0, -1);
    const isOwnedElsewhere = others.some((owner) =>
      [...owner.fields].some((f) => f === key || f.startsWith(`${prefix},`)),
    );
    if (!now.has(key) && !isOwnedElsewhere) result = removeField(result, key);
  }
  return result;
}

function takeover(others: readonly Manager[], conflicts: readonly Conflict[]): Manager[] {
  return others.map((owner) => {
    const taken = new Set(conflicts.filter((c) => c.owner === owner).map((c) => c.key));
    return { ...owner, fields: new Set([...owner.fields].filter((key) => !taken.has(key))) };
  });
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((key) => b.has(key));
}

interface Applying {
  readonly me: Omit<Manager, 'fields'>;
  readonly applied: KubeObject;
  readonly live: StoredObject | undefined;
  readonly schema: Schema;
  readonly isForce: boolean;
}

/** The object an apply stores: merged, pruned, with the applier's ownership recorded. */
function appliedObject({ me, applied, live, schema, isForce }: Applying, type: ResourceType) {
  const managers = managersOf(live);
  const appliedLeaves = ownedLeaves(applied, schema, type);
  const leaves = { applied: appliedLeaves, live: leavesOf(live ?? {}, schema) };
  const conflicts = conflictsOf(me, managers, leaves);
  if (conflicts.length > 0 && !isForce) throw conflictError(conflicts);
  const others = takeover(
    managers.filter((owner) => !isSameManager(owner, me)),
    conflicts,
  );
  const before = managers.find((owner) => isSameManager(owner, me));
  const merged = applyMerge(live ?? {}, applied, schema);
  const object = pruned(merged, before, appliedLeaves, others) as KubeObject;
  const fields = new Set(appliedLeaves.keys());
  // An apply that owns what it owned before keeps its time, so repeating it changes nothing.
  const time = before && sameSet(before.fields, fields) ? before.time : me.time;
  const managedFields = encodeManagers([...others, { ...me, ...(time ? { time } : {}), fields }]);
  return { ...object, metadata: { ...object.metadata, managedFields } };
}

/** Applies `text` to the object `name` as the request's field manager; creates it when absent. */
export async function serverSideApply(
  registry: Registry,
  request: ResourceRequest,
  name: string,
  text: string,
  admission: { writer: WriteRequest; outcome: AdmissionOutcome },
): Promise<StoredObject> {
  const scope = requireManager();
  const { type, namespace } = request;
  const applied = parseApplied(text, type, name);
  const { schema } = kindSchema(type, registry.store);
  checkDeclared(applied, schema, type);
  const live = registry.store.get(type, namespace, name);
  const me = {
    manager: scope.fieldManager,
    operation: 'Apply' as const,
    apiVersion: groupVersion(type),
    time: scope.time,
  };
  const object = appliedObject({ me, applied, live, schema, isForce: scope.isForce }, type);
  const { writer, outcome } = admission;
  if (!live) return registry.admitCreate(type, namespace, object, writer, outcome);
  return registry.admitUpdate({ type, namespace, name }, object, undefined, writer, outcome);
}
