// Field numbers of the Kubernetes protobuf messages we decode (from k8s.io/api generated.proto).
import { authSchemas } from './auth-schemas.ts';
import { autoscalingSchemas } from './autoscaling-schemas.ts';
import { metadata, objectMeta } from './meta-schemas.ts';
import type { Schema } from './meta-schemas.ts';
import { platformSchemas } from './platform-schemas.ts';
import { quotaSchemas } from './quota-schemas.ts';
import { serviceSchemas } from './service-schemas.ts';
import { workloadSchemas } from './workload-schemas.ts';

export type { FieldType, Schema } from './meta-schemas.ts';

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
  ...serviceSchemas,
  ...workloadSchemas,
  ...authSchemas(objectMeta),
  ...autoscalingSchemas,
  ...platformSchemas,
  ...quotaSchemas,
};
