// Table cells of the RBAC kinds, as kube-apiserver prints roles and bindings.
import type { KubeObject } from '../types.ts';
import { age } from './human-duration.ts';
import { arrayAt, stringAt } from './json-path.ts';
import type { Cells } from './workload-cells.ts';

/** NAME CREATED AT. */
export function roleCells(role: KubeObject): Cells {
  return [role.metadata.name ?? '', role.metadata.creationTimestamp ?? ''];
}

function subjectNames(binding: KubeObject, kind: string): string {
  return arrayAt(binding, 'subjects')
    .filter((subject) => stringAt(subject, 'kind') === kind)
    .map((subject) => {
      const namespace = stringAt(subject, 'namespace');
      const name = stringAt(subject, 'name');
      return kind === 'ServiceAccount' ? `${namespace}/${name}` : name;
    })
    .join(', ');
}

/** NAME ROLE AGE | USERS GROUPS SERVICEACCOUNTS. */
export function bindingCells(binding: KubeObject, now: number): Cells {
  const role = `${stringAt(binding, 'roleRef.kind')}/${stringAt(binding, 'roleRef.name')}`;
  return [
    binding.metadata.name ?? '',
    role,
    age(binding.metadata.creationTimestamp, now),
    subjectNames(binding, 'User'),
    subjectNames(binding, 'Group'),
    subjectNames(binding, 'ServiceAccount'),
  ];
}
