// Merges an applied configuration into the live object: keyed lists by key, sets by value.
import { isRecord } from '../types.ts';
import { builtinSchemas } from '../openapi/kind-schemas.ts';
import type { Schema } from '../openapi/schema-dsl.ts';
import { fieldSchema, resolveSchema } from '../openapi/unknown-fields.ts';
import type { PathKey } from './field-paths.ts';

function sameKey(a: unknown, b: Record<string, unknown>, keys: readonly string[]): boolean {
  return isRecord(a) && keys.every((key) => a[key] === b[key]);
}

function mergeList(current: unknown, applied: unknown[], schema: Schema): unknown[] {
  const listType = schema['x-kubernetes-list-type'];
  const keys = schema['x-kubernetes-list-map-keys'];
  const live: unknown[] = Array.isArray(current) ? [...(current as unknown[])] : [];
  if (listType === 'set') {
    const seen = new Set(live.map((item) => JSON.stringify(item)));
    return [...live, ...applied.filter((item) => !seen.has(JSON.stringify(item)))];
  }
  if (listType !== 'map' || !Array.isArray(keys)) return applied;
  const items = isRecord(schema['items']) ? schema['items'] : {};
  for (const item of applied) {
    if (!isRecord(item)) continue;
    const index = live.findIndex((existing) => sameKey(existing, item, keys as string[]));
    if (index >= 0) live[index] = applyMerge(live[index], item, items);
    else live.push(item);
  }
  return live;
}

/** `applied` merged over `current`: objects field by field, lists as their list type says. */
export function applyMerge(current: unknown, applied: unknown, schema: Schema): unknown {
  const resolved = resolveSchema(schema, builtinSchemas);
  if (Array.isArray(applied)) return mergeList(current, applied, resolved);
  if (!isRecord(applied) || resolved['x-kubernetes-map-type'] === 'atomic') return applied;
  const result: Record<string, unknown> = isRecord(current) ? { ...current } : {};
  for (const [key, value] of Object.entries(applied)) {
    result[key] = applyMerge(result[key], value, fieldSchema(resolved, key) ?? {});
  }
  return result;
}

function matches(item: unknown, element: string): boolean {
  if (element.startsWith('v:')) return JSON.stringify(item) === element.slice(2);
  const key = JSON.parse(element.slice(2)) as Record<string, unknown>;
  return sameKey(item, key, Object.keys(key));
}

function removeAt(value: unknown, elements: readonly string[]): unknown {
  const [first, ...rest] = elements;
  if (first === undefined) return value;
  if (Array.isArray(value)) {
    const items = value as unknown[];
    const index = items.findIndex((item) => matches(item, first));
    if (index < 0) return value;
    if (rest.length === 0) return items.filter((_, i) => i !== index);
    return items.map((item, i) => (i === index ? removeAt(item, rest) : item));
  }
  if (!isRecord(value) || !first.startsWith('f:')) return value;
  const field = first.slice(2);
  const copy = { ...value };
  if (rest.length === 0) delete copy[field];
  else copy[field] = removeAt(copy[field], rest);
  return copy;
}

/** `object` without the field (or list item) at `key`. */
export function removeField(object: unknown, key: PathKey): unknown {
  return removeAt(object, JSON.parse(key) as string[]);
}
