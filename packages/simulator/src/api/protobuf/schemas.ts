// Field numbers of the Kubernetes protobuf messages we decode (from k8s.io/api generated.proto).
import { authSchemas } from './auth-schemas.ts';

/** How one field decodes into JSON. */
export type FieldType =
  | 'string'
  | 'bytes'
  | 'int'
  | 'bool'
  | 'time'
  | 'stringMap'
  | 'bytesMap'
  | 'strings'
  | { readonly message: Schema; readonly isRepeated?: boolean };

/** A message: field number → JSON name and type. Unknown numbers are skipped. */
export type Schema = Readonly<Record<number, readonly [name: string, type: FieldType]>>;

const ownerReference: Schema = {
  1: ['kind', 'string'],
  3: ['name', 'string'],
  4: ['uid', 'string'],
  5: ['apiVersion', 'string'],
  6: ['controller', 'bool'],
  7: ['blockOwnerDeletion', 'bool'],
};

/** meta/v1 ObjectMeta. */
export const objectMeta: Schema = {
  1: ['name', 'string'],
  2: ['generateName', 'string'],
  3: ['namespace', 'string'],
  5: ['uid', 'string'],
  6: ['resourceVersion', 'string'],
  7: ['generation', 'int'],
  11: ['labels', 'stringMap'],
  12: ['annotations', 'stringMap'],
  13: ['ownerReferences', { message: ownerReference, isRepeated: true }],
  14: ['finalizers', 'strings'],
};

const metadata = ['metadata', { message: objectMeta }] as const;
const localReference: Schema = { 1: ['name', 'string'] };

/** Messages by `apiVersion/kind`, for the kinds kubectl's typed `create` commands send. */
export const schemasByKind: Readonly<Record<string, Schema>> = {
  'v1/ConfigMap': {
    1: metadata,
    2: ['data', 'stringMap'],
    3: ['binaryData', 'bytesMap'],
    4: ['immutable', 'bool'],
  },
  'v1/Secret': {
    1: metadata,
    2: ['data', 'bytesMap'],
    3: ['type', 'string'],
    4: ['stringData', 'stringMap'],
    5: ['immutable', 'bool'],
  },
  'v1/Namespace': { 1: metadata, 2: ['spec', { message: { 1: ['finalizers', 'strings'] } }] },
  'v1/ServiceAccount': {
    1: metadata,
    3: ['imagePullSecrets', { message: localReference, isRepeated: true }],
    4: ['automountServiceAccountToken', 'bool'],
  },
  ...authSchemas(objectMeta),
};
