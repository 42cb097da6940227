// Role bindings: a role granted to a user or a group over a scope, stored and audited.
import { randomUUID } from 'node:crypto';
import { FlotillaError } from '@flotilla/protocol';
import type { Db } from '../store/store.ts';
import type { RoleBindingTable } from '../store/schema.ts';
import { auditActor, recordAudit, type Actor } from '../audit/audit.ts';
import type { Grant, Role, Scope } from './can.ts';
import { accessChanged } from './access-changes.ts';

/** A binding as the API shows it. */
export interface RoleBinding extends Grant {
  readonly id: string;
  readonly subject: { readonly kind: 'user' | 'group'; readonly name: string };
  readonly createdAt: string;
}

/** What a new binding says. */
export type NewRoleBinding = Omit<RoleBinding, 'id' | 'createdAt'>;

function scopeOf(row: RoleBindingTable): Scope {
  const values = JSON.parse(row.scope_values) as string[];
  if (row.scope_kind === 'environments')
    return {
      kind: 'environments',
      environments: values as Extract<Scope, { kind: 'environments' }>['environments'],
    };
  if (row.scope_kind === 'clusters') return { kind: 'clusters', clusters: values };
  return { kind: 'fleet' };
}

function scopeValues(scope: Scope): string[] {
  if (scope.kind === 'environments') return [...scope.environments];
  if (scope.kind === 'clusters') return [...scope.clusters];
  return [];
}

function toBinding(row: RoleBindingTable): RoleBinding {
  return {
    id: row.id,
    role: row.role as Role,
    subject: { kind: row.subject_kind, name: row.subject_name },
    scope: scopeOf(row),
    createdAt: row.created_at,
  };
}

/** Inserts a binding inside the caller's transaction. */
export async function insertRoleBinding(
  trx: Db,
  binding: NewRoleBinding,
  now: Date,
): Promise<RoleBinding> {
  const row: RoleBindingTable = {
    id: randomUUID(),
    role: binding.role,
    subject_kind: binding.subject.kind,
    subject_name: binding.subject.name,
    scope_kind: binding.scope.kind,
    scope_values: JSON.stringify(scopeValues(binding.scope)),
    created_at: now.toISOString(),
  };
  await trx.insertInto('role_bindings').values(row).execute();
  return toBinding(row);
}

/** Creates a binding, audited. */
export async function createRoleBinding(
  db: Db,
  binding: NewRoleBinding,
  actor: Actor,
  now: Date,
): Promise<RoleBinding> {
  const created = await db.transaction().execute(async (trx) => {
    const inserted = await insertRoleBinding(trx, binding, now);
    const entry = { action: 'create', kind: 'role-binding', target: inserted.id, after: inserted };
    await recordAudit(trx, { ...auditActor(actor), ...entry }, now);
    return inserted;
  });
  accessChanged();
  return created;
}

/** Every binding, oldest first. */
export async function listRoleBindings(db: Db): Promise<RoleBinding[]> {
  const rows = await db
    .selectFrom('role_bindings')
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toBinding);
}

/** Deletes a binding, audited (the audit row keeps what it granted). */
export async function deleteRoleBinding(
  db: Db,
  id: string,
  actor: Actor,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('role_bindings')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (row === undefined)
      throw new FlotillaError('not_found', `role binding ${id} does not exist`);
    await trx.deleteFrom('role_bindings').where('id', '=', id).execute();
    const entry = { action: 'delete', kind: 'role-binding', target: id, before: toBinding(row) };
    await recordAudit(trx, { ...auditActor(actor), ...entry }, now);
  });
  accessChanged();
}

/** The grants that apply to a user with `groups`: bound to its name or to one of its groups. */
export async function grantsFor(db: Db, user: string, groups: readonly string[]): Promise<Grant[]> {
  const rows = await db
    .selectFrom('role_bindings')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('subject_kind', '=', 'user'), eb('subject_name', '=', user)]),
        ...(groups.length > 0
          ? [eb.and([eb('subject_kind', '=', 'group'), eb('subject_name', 'in', [...groups])])]
          : []),
      ]),
    )
    .execute();
  return rows.map((row) => ({ role: row.role as Role, scope: scopeOf(row) }));
}
