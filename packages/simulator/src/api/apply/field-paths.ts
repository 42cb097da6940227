// Field paths as server-side apply tracks them: `f:` fields, `k:` keyed list items, `v:` set values.
import { isRecord } from '../types.ts';
import { builtinSchemas } from '../openapi/kind-schemas.ts';
import type { Schema } from '../openapi/schema-dsl.ts';
import { fieldSchema, resolveSchema } from '../openapi/unknown-fields.ts';

/** One field path, as its FieldsV1 elements (`["f:spec","f:replicas"]`) encoded as JSON. */
export type PathKey = string;

/** Every owned path of an object and its value (JSON), or `''` for a keyed list item itself. */
export type Leaves = Map<PathKey, string>;

/** Fields the server owns on every object, never tracked for a manager. */
const systemFields = new Set([
  '["f:apiVersion"]',
  '["f:kind"]',
  '["f:metadata","f:name"]',
  '["f:metadata","f:namespace"]',
  '["f:metadata","f:uid"]',
  '["f:metadata","f:resourceVersion"]',
  '["f:metadata","f:generation"]',
  '["f:metadata","f:creationTimestamp"]',
  '["f:metadata","f:deletionTimestamp"]',
  '["f:metadata","f:deletionGracePeriodSeconds"]',
  '["f:metadata","f:selfLink"]',
]);

function isSkipped(path: readonly string[]): boolean {
  const [first, second] = path;
  return first === 'f:metadata' && second === 'f:managedFields';
}

function itemKey(item: Record<string, unknown>, keys: readonly string[]): string {
  const entries = keys.filter((key) => item[key] !== undefined).map((key) => [key, item[key]]);
  entries.sort(([a], [b]) => (String(a) < String(b) ? -1 : 1));
  return `k:${JSON.stringify(Object.fromEntries(entries))}`;
}

interface Walk {
  readonly leaves: Leaves;
}

function walkList(value: unknown[], schema: Schema, walk: Walk, path: string[]): void {
  const listType = schema['x-kubernetes-list-type'];
  const keys = schema['x-kubernetes-list-map-keys'];
  const items = isRecord(schema['items']) ? schema['items'] : {};
  if (listType === 'set') {
    for (const item of value)
      walk.leaves.set(JSON.stringify([...path, `v:${JSON.stringify(item)}`]), '');
    return;
  }
  if (listType !== 'map' || !Array.isArray(keys)) {
    walk.leaves.set(JSON.stringify(path), JSON.stringify(value));
    return;
  }
  for (const item of value) {
    if (!isRecord(item)) continue;
    const itemPath = [...path, itemKey(item, keys as string[])];
    walk.leaves.set(JSON.stringify(itemPath), '');
    visit(item, items, walk, itemPath);
  }
}

function visit(value: unknown, schema: Schema, walk: Walk, path: string[]): void {
  const resolved = resolveSchema(schema, builtinSchemas);
  if (Array.isArray(value)) return walkList(value, resolved, walk, path);
  const isAtomic = resolved['x-kubernetes-map-type'] === 'atomic';
  if (!isRecord(value) || isAtomic || Object.keys(value).length === 0) {
    if (path.length > 0) walk.leaves.set(JSON.stringify(path), JSON.stringify(value));
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    const childPath = [...path, `f:${key}`];
    if (isSkipped(childPath)) continue;
    visit(child, fieldSchema(resolved, key) ?? {}, walk, childPath);
  }
}

/** The owned paths of `object` under `schema`, leaving out the fields only the server sets. */
export function leavesOf(object: unknown, schema: Schema): Leaves {
  const walk: Walk = { leaves: new Map() };
  visit(object, schema, walk, []);
  for (const key of systemFields) walk.leaves.delete(key);
  return walk.leaves;
}

/** `.spec.template.spec.containers[name="web"].image`: a path as conflict messages print it. */
export function printPath(key: PathKey): string {
  const elements = JSON.parse(key) as string[];
  return elements
    .map((element) => {
      const body = element.slice(2);
      if (element.startsWith('f:')) return `.${body}`;
      if (element.startsWith('v:')) return `[=${body}]`;
      const fields = Object.entries(JSON.parse(body) as Record<string, unknown>);
      return `[${fields.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}]`;
    })
    .join('');
}
