// Protobuf field numbers of the RBAC, review, token and Eviction kinds kubectl sends typed (auth can-i, create rolebinding, create token, drain).
import { labelSelector } from './meta-schemas.ts';
import type { Schema } from './schemas.ts';

const resourceAttributes: Schema = {
  1: ['namespace', 'string'],
  2: ['verb', 'string'],
  3: ['group', 'string'],
  4: ['version', 'string'],
  5: ['resource', 'string'],
  6: ['subresource', 'string'],
  7: ['name', 'string'],
};
const nonResourceAttributes: Schema = { 1: ['path', 'string'], 2: ['verb', 'string'] };
const subject: Schema = {
  1: ['kind', 'string'],
  2: ['apiGroup', 'string'],
  3: ['name', 'string'],
  4: ['namespace', 'string'],
};
const roleRef: Schema = { 1: ['apiGroup', 'string'], 2: ['kind', 'string'], 3: ['name', 'string'] };
const policyRule: Schema = {
  1: ['verbs', 'strings'],
  2: ['apiGroups', 'strings'],
  3: ['resources', 'strings'],
  4: ['resourceNames', 'strings'],
  5: ['nonResourceURLs', 'strings'],
};
const boundObjectReference: Schema = {
  1: ['kind', 'string'],
  2: ['apiVersion', 'string'],
  3: ['name', 'string'],
  4: ['uid', 'string'],
};
const tokenSpec: Schema = {
  1: ['audiences', 'strings'],
  3: ['boundObjectRef', { message: boundObjectReference }],
  4: ['expirationSeconds', 'int'],
};

/** Messages by `apiVersion/kind`, given the ObjectMeta schema to embed. */
export function authSchemas(objectMeta: Schema): Record<string, Schema> {
  const metadata = ['metadata', { message: objectMeta }] as const;
  const binding: Schema = {
    1: metadata,
    2: ['subjects', { message: subject, isRepeated: true }],
    3: ['roleRef', { message: roleRef }],
  };
  const role: Schema = { 1: metadata, 2: ['rules', { message: policyRule, isRepeated: true }] };
  // `kubectl create clusterrole --aggregation-rule` sends selectors instead of rules.
  const aggregationRule: Schema = {
    1: ['clusterRoleSelectors', { message: labelSelector, isRepeated: true }],
  };
  const accessSpec: Schema = {
    1: ['resourceAttributes', { message: resourceAttributes }],
    2: ['nonResourceAttributes', { message: nonResourceAttributes }],
  };
  return {
    'rbac.authorization.k8s.io/v1/RoleBinding': binding,
    'rbac.authorization.k8s.io/v1/ClusterRoleBinding': binding,
    'rbac.authorization.k8s.io/v1/Role': role,
    'rbac.authorization.k8s.io/v1/ClusterRole': {
      ...role,
      3: ['aggregationRule', { message: aggregationRule }],
    },
    'authorization.k8s.io/v1/SelfSubjectAccessReview': {
      1: metadata,
      2: ['spec', { message: accessSpec }],
    },
    'authorization.k8s.io/v1/SelfSubjectRulesReview': {
      1: metadata,
      2: ['spec', { message: { 1: ['namespace', 'string'] } }],
    },
    'authentication.k8s.io/v1/SelfSubjectReview': { 1: metadata },
    'authentication.k8s.io/v1/TokenRequest': { 1: metadata, 2: ['spec', { message: tokenSpec }] },
    'policy/v1/Eviction': {
      1: metadata,
      2: [
        'deleteOptions',
        { message: { 1: ['gracePeriodSeconds', 'int'], 4: ['propagationPolicy', 'string'] } },
      ],
    },
  };
}
