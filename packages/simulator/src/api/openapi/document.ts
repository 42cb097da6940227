// Builds the OpenAPI v3 document of one group version: its kinds' paths and every schema they reach.
import type { ObjectStore } from '../../store/object-store.ts';
import type { ResourceType } from '../resource-types.ts';
import type { Json } from './json.ts';
import { builtinSchemas, kindSchema } from './kind-schemas.ts';
import { resourcePaths } from './paths.ts';
import type { Schema } from './schema-dsl.ts';

const refPrefix = '#/components/schemas/';

function refsIn(value: unknown, found: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) refsIn(item, found);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') found.add(child.slice(refPrefix.length));
      else refsIn(child, found);
    }
  }
}

/** Adds to `schemas` every built-in schema reachable from the ones already there. */
function closeOverRefs(schemas: Record<string, Schema>): void {
  const pending = [...Object.values(schemas)];
  for (let schema = pending.pop(); schema !== undefined; schema = pending.pop()) {
    const found = new Set<string>();
    refsIn(schema, found);
    for (const name of found) {
      const target = builtinSchemas[name];
      if (schemas[name] || !target) continue;
      schemas[name] = target;
      pending.push(target);
    }
  }
}

/** The `openapi/v3/<api/v1 | apis/group/version>` document for `types` (all of one group version). */
export function groupVersionDocument(
  types: readonly ResourceType[],
  store: ObjectStore,
  kubernetesVersion: string,
): Json {
  const schemas: Record<string, Schema> = {};
  let paths: Json = {};
  for (const type of types) {
    const { name, schema } = kindSchema(type, store);
    schemas[name] = schema;
    paths = { ...paths, ...resourcePaths(type, name) };
  }
  closeOverRefs(schemas);
  const sorted = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: `v${kubernetesVersion.replace(/^v/, '')}` },
    paths,
    components: { schemas: sorted },
  };
}
