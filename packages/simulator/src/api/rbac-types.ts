// The RBAC kinds and the create-only review kinds of authorization.k8s.io and authentication.k8s.io.
import { define } from './define-type.ts';
import type { ResourceType } from './resource-types.ts';

/** roles, clusterroles, rolebindings, clusterrolebindings (names only need to be path segments). */
export function rbacTypes(): ResourceType[] {
  const rbac = { group: 'rbac.authorization.k8s.io', nameRule: 'path' as const };
  return [
    define({
      ...rbac,
      plural: 'clusterrolebindings',
      kind: 'ClusterRoleBinding',
      isNamespaced: false,
    }),
    define({ ...rbac, plural: 'clusterroles', kind: 'ClusterRole', isNamespaced: false }),
    define({ ...rbac, plural: 'rolebindings', kind: 'RoleBinding' }),
    define({ ...rbac, plural: 'roles', kind: 'Role' }),
  ];
}

/** Access reviews and whoami: POST-only, answered from the caller's identity. */
export function authorizationTypes(): ResourceType[] {
  const review = { verbs: ['create'], isVirtual: true, isNamespaced: false };
  const authz = { ...review, group: 'authorization.k8s.io' };
  const authn = { ...review, group: 'authentication.k8s.io' };
  return [
    define({
      ...authz,
      plural: 'localsubjectaccessreviews',
      kind: 'LocalSubjectAccessReview',
      isNamespaced: true,
    }),
    define({ ...authz, plural: 'selfsubjectaccessreviews', kind: 'SelfSubjectAccessReview' }),
    define({ ...authz, plural: 'selfsubjectrulesreviews', kind: 'SelfSubjectRulesReview' }),
    define({ ...authz, plural: 'subjectaccessreviews', kind: 'SubjectAccessReview' }),
    define({ ...authn, plural: 'selfsubjectreviews', kind: 'SelfSubjectReview' }),
  ];
}
