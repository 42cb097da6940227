// The RBAC authorizer: the bindings that name a user grant the rules of their roles.
import { typeOfKind } from '../api/resource-types.ts';
import { arrayAt, recordAt, stringAt } from '../api/table/json-path.ts';
import type { StoredObject } from '../api/types.ts';
import type { ObjectStore } from '../store/object-store.ts';
import { ruleAllows, rulesOf } from './rbac-rules.ts';
import type { PolicyRule } from './rbac-rules.ts';
import type { RequestAttributes } from './request-attributes.ts';
import { mastersGroup } from './user.ts';
import type { UserInfo } from './user.ts';

const rbac = 'rbac.authorization.k8s.io';
export const roleType = typeOfKind(rbac, 'Role');
export const clusterRoleType = typeOfKind(rbac, 'ClusterRole');
export const roleBindingType = typeOfKind(rbac, 'RoleBinding');
export const clusterRoleBindingType = typeOfKind(rbac, 'ClusterRoleBinding');

/** The outcome of an authorization check; `reason` is what RBAC would say. */
export interface Decision {
  readonly isAllowed: boolean;
  readonly reason: string;
}

/** One binding that applies to the user, with the rules its role grants. */
interface Grant {
  readonly rules: readonly PolicyRule[];
  readonly describe: string;
}

function subjectMatching(binding: StoredObject, user: UserInfo): string | undefined {
  for (const subject of arrayAt(binding, 'subjects')) {
    const kind = stringAt(subject, 'kind');
    const name = stringAt(subject, 'name');
    if (kind === 'User' && name === user.username) return `User "${name}"`;
    if (kind === 'Group' && user.groups.includes(name)) return `Group "${name}"`;
    if (kind !== 'ServiceAccount') continue;
    const namespace = stringAt(subject, 'namespace', binding.metadata.namespace ?? '');
    if (user.username === `system:serviceaccount:${namespace}:${name}`)
      return `ServiceAccount "${name}/${namespace}"`;
  }
  return undefined;
}

function roleOf(store: ObjectStore, binding: StoredObject): StoredObject | string {
  const ref = recordAt(binding, 'roleRef');
  const name = stringAt(ref, 'name');
  const isCluster = stringAt(ref, 'kind') === 'ClusterRole';
  const type = isCluster ? clusterRoleType : roleType;
  const role = store.get(type, isCluster ? undefined : binding.metadata.namespace, name);
  return role ?? `${type.singular}.${rbac} "${name}" not found`;
}

function bindingText(binding: StoredObject, role: StoredObject, subject: string): string {
  const { name, namespace } = binding.metadata;
  const described = namespace
    ? `RoleBinding "${name}/${namespace}"`
    : `ClusterRoleBinding "${name}"`;
  return `${described} of ${role.kind} "${role.metadata.name}" to ${subject}`;
}

/** The grants of every binding naming `user`: cluster-wide ones, then those in `namespace`. */
export function grantsFor(
  store: ObjectStore,
  user: UserInfo,
  namespace: string,
): { grants: Grant[]; errors: string[] } {
  const bindings = [
    ...store.list(clusterRoleBindingType),
    ...(namespace ? store.list(roleBindingType, namespace) : []),
  ];
  const grants: Grant[] = [];
  const errors: string[] = [];
  for (const binding of bindings) {
    const subject = subjectMatching(binding, user);
    if (!subject) continue;
    const role = roleOf(store, binding);
    if (typeof role === 'string') errors.push(role);
    else grants.push({ rules: rulesOf(role), describe: bindingText(binding, role, subject) });
  }
  return { grants, errors };
}

/** Decides `attributes` for `user`: system:masters always, otherwise the first matching RBAC rule. */
export function authorize(
  store: ObjectStore,
  user: UserInfo,
  attributes: RequestAttributes,
): Decision {
  if (user.groups.includes(mastersGroup)) return { isAllowed: true, reason: '' };
  const namespace = attributes.isResourceRequest ? attributes.namespace : '';
  const { grants, errors } = grantsFor(store, user, namespace);
  const grant = grants.find((g) => g.rules.some((rule) => ruleAllows(rule, attributes)));
  if (grant) return { isAllowed: true, reason: `RBAC: allowed by ${grant.describe}` };
  if (errors.length === 0) return { isAllowed: false, reason: '' };
  const aggregate = errors.length === 1 ? (errors[0] ?? '') : `[${errors.join(', ')}]`;
  return { isAllowed: false, reason: `RBAC: ${aggregate}` };
}
