// A compact way to write OpenAPI v3 schemas: one line per field, references by short name.
import type { Json } from './json.ts';

/** An OpenAPI v3 schema object, as served in `components.schemas`. */
export type Schema = Json;

/** Options of a list field: how strategic merge and server-side apply merge its items. */
export interface ListOptions {
  /** The item field(s) that identify an item; makes the list a map (`x-kubernetes-list-type: map`). */
  readonly keys?: readonly string[];
  /** The strategic merge key when it differs from the first list-map key. */
  readonly mergeKey?: string;
  /** `set` for lists of unique scalars, `atomic` for lists replaced as a whole (the default). */
  readonly listType?: 'atomic' | 'set';
}

/** The full component name of a schema: `io.k8s.api.<group>.<version>.<Kind>` and friends. */
export const names = {
  meta: (kind: string) => `io.k8s.apimachinery.pkg.apis.meta.v1.${kind}`,
  core: (kind: string) => `io.k8s.api.core.v1.${kind}`,
  api: (group: string, version: string, kind: string) => `io.k8s.api.${group}.${version}.${kind}`,
} as const;

/** A string field. */
export function str(description: string, extra: Schema = {}): Schema {
  return { type: 'string', description, ...extra };
}

/** A 32-bit integer field. */
export function int(description: string): Schema {
  return { type: 'integer', format: 'int32', description };
}

/** A 64-bit integer field. */
export function int64(description: string): Schema {
  return { type: 'integer', format: 'int64', description };
}

/** A boolean field. */
export function bool(description: string): Schema {
  return { type: 'boolean', description };
}

/** A timestamp field (RFC 3339). */
export function time(description: string): Schema {
  return { allOf: [{ $ref: `#/components/schemas/${names.meta('Time')}` }], description };
}

/** A map of strings (labels, annotations, selectors, data). */
export function strMap(description: string): Schema {
  return { type: 'object', additionalProperties: { type: 'string', default: '' }, description };
}

/** A map of resource quantities (requests, limits, capacity). */
export function quantityMap(description: string): Schema {
  const quantity = { $ref: `#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity` };
  return { type: 'object', additionalProperties: quantity, description };
}

/** A free-form object whose fields this simulator does not describe (never reported as unknown). */
export function open(description: string): Schema {
  return { type: 'object', description, 'x-kubernetes-preserve-unknown-fields': true };
}

/** A field whose value is the named schema. */
export function ref(name: string, description: string): Schema {
  return { allOf: [{ $ref: `#/components/schemas/${name}` }], default: {}, description };
}

/** A list of strings. */
export function strList(description: string, options: ListOptions = {}): Schema {
  return list({ type: 'string', default: '' }, description, options);
}

/** A list of the named schema. */
export function refList(name: string, description: string, options: ListOptions = {}): Schema {
  return list(
    { allOf: [{ $ref: `#/components/schemas/${name}` }], default: {} },
    description,
    options,
  );
}

/** A list of free-form objects. */
export function openList(description: string): Schema {
  return list({ type: 'object', 'x-kubernetes-preserve-unknown-fields': true }, description, {});
}

function list(items: Schema, description: string, options: ListOptions): Schema {
  const { keys, listType } = options;
  const mergeKey = options.mergeKey ?? keys?.[0];
  return {
    type: 'array',
    items,
    description,
    'x-kubernetes-list-type': keys ? 'map' : (listType ?? 'atomic'),
    ...(keys ? { 'x-kubernetes-list-map-keys': keys } : {}),
    ...(mergeKey ? { 'x-kubernetes-patch-merge-key': mergeKey } : {}),
    ...(mergeKey || listType === 'set' ? { 'x-kubernetes-patch-strategy': 'merge' } : {}),
  };
}

/** An object schema with its fields; `required` names the fields a valid object must have. */
export function object(
  description: string,
  properties: Record<string, Schema>,
  required: readonly string[] = [],
): Schema {
  return {
    type: 'object',
    description,
    properties,
    ...(required.length > 0 ? { required } : {}),
  };
}

/** The fields every kind has: apiVersion, kind and metadata. */
export function typeMeta(): Record<string, Schema> {
  return {
    apiVersion: str('APIVersion defines the versioned schema of this representation of an object.'),
    kind: str('Kind is a string value representing the REST resource this object represents.'),
    metadata: ref(names.meta('ObjectMeta'), "Standard object's metadata."),
  };
}

/** The schema of a top-level kind: apiVersion, kind and metadata, then its own fields. */
export function kind(
  gvk: { readonly group: string; readonly version: string; readonly kind: string },
  description: string,
  properties: Record<string, Schema>,
): Schema {
  return {
    ...object(description, { ...typeMeta(), ...properties }),
    'x-kubernetes-group-version-kind': [gvk],
  };
}

/** A field that holds either an integer or a string (ports, percentages). */
export function intOrString(description: string): Schema {
  const name = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
  return { allOf: [{ $ref: `#/components/schemas/${name}` }], description };
}
