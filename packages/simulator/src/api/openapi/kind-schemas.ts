// Finds the schema of each served kind: the built-in tables, a CRD's openAPIV3Schema, or a stub.
import type { ObjectStore } from '../../store/object-store.ts';
import type { ResourceType } from '../resource-types.ts';
import { typeOfKind } from '../resource-types.ts';
import { arrayAt, at } from '../table/json-path.ts';
import { isRecord } from '../types.ts';
import { coreSchemas } from './core-schemas.ts';
import { metaSchemas } from './meta-schemas.ts';
import { fallbackKind, moreSchemas } from './more-schemas.ts';
import { podSchemas } from './pod-schemas.ts';
import { quotaSchemas } from './quota-schemas.ts';
import type { Schema } from './schema-dsl.ts';
import { typeMeta } from './schema-dsl.ts';
import { workloadSchemas } from './workload-schemas.ts';

/** Every built-in schema by component name. */
export const builtinSchemas: Readonly<Record<string, Schema>> = {
  ...metaSchemas,
  ...podSchemas,
  ...coreSchemas,
  ...workloadSchemas,
  ...moreSchemas,
  ...quotaSchemas,
};

const crdType = typeOfKind('apiextensions.k8s.io', 'CustomResourceDefinition');

function gvkOf(schema: Schema): unknown {
  const list = schema['x-kubernetes-group-version-kind'];
  return Array.isArray(list) ? list[0] : undefined;
}

const builtinByGvk = new Map(
  Object.entries(builtinSchemas).flatMap(([name, schema]) => {
    const gvk = gvkOf(schema);
    if (!isRecord(gvk)) return [];
    return [[`${String(gvk['group'])}/${String(gvk['version'])}/${String(gvk['kind'])}`, name]];
  }),
);

/** A kind's schema and its component name. */
export interface KindSchema {
  readonly name: string;
  readonly schema: Schema;
}

function reverseDomain(group: string): string {
  return group.split('.').reverse().join('.');
}

function crdOf(type: ResourceType, store: ObjectStore): unknown {
  return store
    .list(crdType)
    .find(
      (crd) => at(crd, 'spec.group') === type.group && at(crd, 'spec.names.kind') === type.kind,
    );
}

function customSchema(type: ResourceType, crd: unknown): Schema | undefined {
  const version = arrayAt(crd, 'spec.versions').find(
    (entry) => isRecord(entry) && entry['name'] === type.version,
  );
  const schema = at(version, 'schema.openAPIV3Schema');
  return isRecord(schema) ? schema : undefined;
}

function customKind(type: ResourceType, crd: unknown): Schema {
  const own = customSchema(type, crd) ?? {
    type: 'object',
    'x-kubernetes-preserve-unknown-fields': true,
  };
  const properties = isRecord(own['properties']) ? own['properties'] : {};
  return {
    ...own,
    type: 'object',
    properties: { ...properties, ...typeMeta() },
    'x-kubernetes-group-version-kind': [
      { group: type.group, version: type.version, kind: type.kind },
    ],
  };
}

/** The schema of `type`; custom types read their CRD from `store`. */
export function kindSchema(type: ResourceType, store: ObjectStore): KindSchema {
  const key = `${type.group}/${type.version}/${type.kind}`;
  const builtin = builtinByGvk.get(key);
  const schema = builtin === undefined ? undefined : builtinSchemas[builtin];
  if (builtin !== undefined && schema !== undefined) return { name: builtin, schema };
  const prefix = type.group ? reverseDomain(type.group) : 'io.k8s.api.core';
  const name = `${prefix}.${type.version}.${type.kind}`;
  const crd = crdOf(type, store);
  if (crd) return { name, schema: customKind(type, crd) };
  return { name, schema: fallbackKind(type.group, type.version, type.kind) };
}
