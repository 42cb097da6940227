// Validation of RBAC bindings: a roleRef naming a role kind, subjects of known kinds, roleRef immutable.
import type { StatusCause } from '../api/status.ts';
import { KubeError } from '../api/status.ts';
import { arrayAt, recordAt, stringAt } from '../api/table/json-path.ts';
import type { KubeObject } from '../api/types.ts';
import { required } from './kind-hooks.ts';
import type { KindHooks } from './kind-hooks.ts';

function unsupported(field: string, value: string, supported: readonly string[]): StatusCause {
  const listed = supported.map((s) => `"${s}"`).join(', ');
  return {
    reason: 'FieldValueNotSupported',
    message: `Unsupported value: "${value}": supported values: ${listed}`,
    field,
  };
}

function validateBinding(object: KubeObject, roleKinds: readonly string[]): StatusCause[] {
  const causes: StatusCause[] = [];
  const kind = stringAt(object, 'roleRef.kind');
  if (!roleKinds.includes(kind)) causes.push(unsupported('roleRef.kind', kind, roleKinds));
  if (!stringAt(object, 'roleRef.name')) causes.push(required('roleRef.name'));
  arrayAt(object, 'subjects').forEach((subject, i) => {
    const subjectKind = stringAt(subject, 'kind');
    if (!['User', 'Group', 'ServiceAccount'].includes(subjectKind))
      causes.push(
        unsupported(`subjects[${i}].kind`, subjectKind, ['ServiceAccount', 'User', 'Group']),
      );
    if (!stringAt(subject, 'name')) causes.push(required(`subjects[${i}].name`));
  });
  return causes;
}

function keepRoleRef(object: KubeObject, previous: KubeObject): KubeObject {
  const before = recordAt(previous, 'roleRef');
  const after = recordAt(object, 'roleRef');
  const isSame = ['apiGroup', 'kind', 'name'].every((key) => before[key] === after[key]);
  if (isSame) return object;
  const kind = `${object.kind}.rbac.authorization.k8s.io`;
  const shown = `rbac.RoleRef{APIGroup:"${stringAt(after, 'apiGroup')}", Kind:"${stringAt(after, 'kind')}", Name:"${stringAt(after, 'name')}"}`;
  const cause = {
    reason: 'FieldValueInvalid',
    message: `Invalid value: ${shown}: cannot change roleRef`,
    field: 'roleRef',
  };
  const name = object.metadata.name ?? '';
  throw new KubeError(422, 'Invalid', `${kind} "${name}" is invalid: roleRef: ${cause.message}`, {
    name,
    group: 'rbac.authorization.k8s.io',
    kind: object.kind,
    causes: [cause],
  });
}

/** RoleBindings may refer to a Role or a ClusterRole. */
export const roleBindingHooks: KindHooks = {
  validate: (object) => validateBinding(object, ['Role', 'ClusterRole']),
  defaultUpdate: keepRoleRef,
};

/** ClusterRoleBindings may refer only to a ClusterRole. */
export const clusterRoleBindingHooks: KindHooks = {
  validate: (object) => validateBinding(object, ['ClusterRole']),
  defaultUpdate: keepRoleRef,
};
