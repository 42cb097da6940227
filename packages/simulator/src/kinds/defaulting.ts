// Small helpers for defaulting JSON the way Go's defaulters do: a field is unset when absent, null or "".
import { isRecord } from '../api/types.ts';

/** A JSON object. */
export type Json = Record<string, unknown>;

/** `value` when it is an object, otherwise an empty one. */
export function record(value: unknown): Json {
  return isRecord(value) ? value : {};
}

/** True for what Go decodes as an unset field: absent, null, or an empty string. */
export function isUnset(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** `object` with every unset field of `defaults` filled in (a shallow fill, order kept). */
export function fill(object: Json, defaults: Json): Json {
  const filled: Json = { ...object };
  for (const [key, value] of Object.entries(defaults)) {
    if (isUnset(filled[key])) filled[key] = value;
  }
  return filled;
}

/** `list` with `each` applied to every object in it, or undefined when it is not a list. */
export function mapList(list: unknown, each: (item: Json) => Json): unknown[] | undefined {
  if (!Array.isArray(list)) return undefined;
  return list.map((item: unknown) => (isRecord(item) ? each(item) : item));
}

/** `object` with `field` replaced by `each` over its list, when it holds one. */
export function withList(object: Json, field: string, each: (item: Json) => Json): Json {
  const list = mapList(object[field], each);
  return list === undefined ? object : { ...object, [field]: list };
}

/** `object` with `field` replaced by `change` of it, when it holds an object. */
export function withRecord(object: Json, field: string, change: (value: Json) => Json): Json {
  const value = object[field];
  return isRecord(value) ? { ...object, [field]: change(value) } : object;
}
