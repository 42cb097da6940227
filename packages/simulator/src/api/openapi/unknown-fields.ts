// Finds the fields of a value that its schema does not declare, named as kube-apiserver names them.
import { isRecord } from '../types.ts';
import type { Schema } from './schema-dsl.ts';

/** Component schemas by name, to resolve `$ref`s against. */
export type SchemaSet = Readonly<Record<string, Schema>>;

/** Follows `allOf` and `$ref` to the schema that carries the fields. */
export function resolveSchema(schema: Schema, schemas: SchemaSet): Schema {
  const first: unknown = Array.isArray(schema['allOf']) ? schema['allOf'][0] : schema;
  const target = isRecord(first) ? first : schema;
  const ref = target['$ref'];
  if (typeof ref !== 'string') return target;
  return schemas[ref.slice('#/components/schemas/'.length)] ?? {};
}

/** The schema of field `key` of an object schema; undefined when it is not declared. */
export function fieldSchema(schema: Schema, key: string): Schema | undefined {
  const properties = schema['properties'];
  if (isRecord(properties) && isRecord(properties[key])) return properties[key];
  const additional = schema['additionalProperties'];
  return isRecord(additional) ? additional : undefined;
}

/** Whether an object schema accepts fields it does not list. */
export function isOpen(schema: Schema): boolean {
  if (schema['x-kubernetes-preserve-unknown-fields'] === true) return true;
  return !isRecord(schema['properties']) && schema['additionalProperties'] === undefined;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function walk(value: unknown, schema: Schema, context: Walk, path: string): void {
  const resolved = resolveSchema(schema, context.schemas);
  if (Array.isArray(value)) {
    const items = resolved['items'];
    if (!isRecord(items)) return;
    value.forEach((item, index) => walk(item, items, context, `${path}[${index}]`));
    return;
  }
  if (!isRecord(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (context.isPatch && (key.startsWith('$') || child === null)) continue;
    const sub = fieldSchema(resolved, key);
    if (sub) walk(child, sub, context, join(path, key));
    else if (!isOpen(resolved)) context.found.push(join(path, key));
  }
}

interface Walk {
  readonly schemas: SchemaSet;
  readonly isPatch: boolean;
  readonly found: string[];
}

/**
 * The paths of undeclared fields in `value` (`spec.template.spec.containers[0].bogus`). For a
 * strategic merge or merge patch, directives (`$patch`, `$setElementOrder/…`) and nulls are skipped.
 */
export function unknownFields(
  value: unknown,
  schema: Schema,
  schemas: SchemaSet,
  isPatch = false,
): string[] {
  const context: Walk = { schemas, isPatch, found: [] };
  walk(value, schema, context, '');
  return context.found;
}
