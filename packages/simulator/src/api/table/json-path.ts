// Small readers for untyped object fields, used by table printers and controllers.
import { isRecord } from '../types.ts';

/** The value at a dotted path, or undefined. */
export function at(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.split('.')) current = isRecord(current) ? current[part] : undefined;
  return current;
}

/** The array at a path, or an empty one. */
export function arrayAt(value: unknown, path: string): unknown[] {
  const found = at(value, path);
  return Array.isArray(found) ? found : [];
}

/** The number at a path, or `fallback`. */
export function numberAt(value: unknown, path: string, fallback = 0): number {
  const found = at(value, path);
  return typeof found === 'number' ? found : fallback;
}

/** The string at a path, or `fallback`. */
export function stringAt(value: unknown, path: string, fallback = ''): string {
  const found = at(value, path);
  return typeof found === 'string' ? found : fallback;
}

/** The record at a path, or an empty one. */
export function recordAt(value: unknown, path: string): Record<string, unknown> {
  const found = at(value, path);
  return isRecord(found) ? found : {};
}
