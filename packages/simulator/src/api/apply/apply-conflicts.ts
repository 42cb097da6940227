// Apply conflicts: fields another manager owns that an apply would set to a different value.
import { KubeError } from '../status.ts';
import type { Leaves, PathKey } from './field-paths.ts';
import { printPath } from './field-paths.ts';
import type { Manager } from './managed-fields.ts';
import { isSameManager } from './managed-fields.ts';

/** One field an apply would take from another manager. */
export interface Conflict {
  readonly owner: Manager;
  readonly key: PathKey;
}

/** The conflicts of applying `applied` over `live` as `me`. */
export function conflictsOf(
  me: Omit<Manager, 'fields'>,
  managers: readonly Manager[],
  leaves: { applied: Leaves; live: Leaves },
): Conflict[] {
  return managers
    .filter((owner) => !isSameManager(owner, me))
    .flatMap((owner) =>
      [...owner.fields]
        .filter((key) => leaves.applied.has(key))
        .filter((key) => leaves.live.get(key) !== leaves.applied.get(key))
        .map((key) => ({ owner, key })),
    );
}

/** `"kubectl" with subresource "scale" using apps/v1`, as kube-apiserver names a manager. */
function printManager(owner: Manager): string {
  const subresource = owner.subresource ? ` with subresource "${owner.subresource}"` : '';
  const version = owner.operation === 'Update' ? ` using ${owner.apiVersion}` : '';
  return `"${owner.manager}"${subresource}${version}`;
}

function message(conflicts: readonly Conflict[]): string {
  const [only] = conflicts;
  if (conflicts.length === 1 && only) {
    return `Apply failed with 1 conflict: conflict with ${printManager(only.owner)}: ${printPath(only.key)}`;
  }
  const byManager = new Map<string, string[]>();
  for (const { owner, key } of conflicts) {
    const name = printManager(owner);
    byManager.set(name, [...(byManager.get(name) ?? []), `- ${printPath(key)}`]);
  }
  const lines = [...byManager.keys()]
    .sort()
    .flatMap((name) => [`conflicts with ${name}:`, ...(byManager.get(name) ?? [])]);
  return `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
}

/** The 409 an apply with conflicts gets, one FieldManagerConflict cause per field. */
export function conflictError(conflicts: readonly Conflict[]): KubeError {
  const causes = conflicts.map(({ owner, key }) => ({
    reason: 'FieldManagerConflict',
    message: `conflict with ${printManager(owner)}`,
    field: printPath(key),
  }));
  return new KubeError(409, 'Conflict', message(conflicts), { causes });
}
