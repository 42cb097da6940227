// Users and service accounts the hub knows: created by an admin (or the bootstrap), disabled
// rather than deleted so the audit trail keeps pointing at someone.
import { FlotillaError } from '@flotilla/protocol';
import type { Db } from '../store/store.ts';
import type { UserTable } from '../store/schema.ts';
import { auditActor, recordAudit, type Actor } from '../audit/audit.ts';
import { revokeCredentials } from './credentials.ts';
import { accessChanged } from './access-changes.ts';

export type UserKind = UserTable['kind'];

/** A user as the API shows it. */
export interface UserInfo {
  readonly name: string;
  readonly kind: UserKind;
  readonly createdAt: string;
  readonly disabledAt: string | null;
}

const toInfo = (row: UserTable): UserInfo => ({
  name: row.name,
  kind: row.kind,
  createdAt: row.created_at,
  disabledAt: row.disabled_at,
});

/** Inserts a user row inside the caller's transaction (`conflict` if the name is taken). */
export async function insertUser(
  trx: Db,
  name: string,
  kind: UserKind,
  now: Date,
): Promise<UserInfo> {
  if ((await findUser(trx, name)) !== undefined)
    throw new FlotillaError('conflict', `user ${name} already exists`, { details: { user: name } });
  const row = { name, kind, created_at: now.toISOString(), disabled_at: null };
  await trx.insertInto('users').values(row).execute();
  return toInfo(row);
}

/** Creates a user or service account, audited. */
export async function createUser(
  db: Db,
  user: { name: string; kind: UserKind },
  actor: Actor,
  now: Date,
): Promise<UserInfo> {
  return db.transaction().execute(async (trx) => {
    const info = await insertUser(trx, user.name, user.kind, now);
    const entry = { action: 'create', kind: 'user', target: user.name, after: info };
    await recordAudit(trx, { ...auditActor(actor), ...entry }, now);
    return info;
  });
}

/** The user named `name`, if any. */
export async function findUser(db: Db, name: string): Promise<UserInfo | undefined> {
  const row = await db.selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
  return row === undefined ? undefined : toInfo(row);
}

/** The user named `name` (`not_found` otherwise). */
export async function getUser(db: Db, name: string): Promise<UserInfo> {
  const user = await findUser(db, name);
  if (user === undefined)
    throw new FlotillaError('not_found', `user ${name} does not exist`, {
      details: { user: name },
    });
  return user;
}

/** Every user and service account, by name. */
export async function listUsers(db: Db): Promise<UserInfo[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('name').execute();
  return rows.map(toInfo);
}

/** Disables a user and revokes its tokens, audited; the row stays for the audit trail. */
export async function disableUser(
  db: Db,
  name: string,
  actor: Actor,
  now: Date,
): Promise<UserInfo> {
  const disabled = await db.transaction().execute(async (trx) => {
    const before = await getUser(trx, name);
    if (before.disabledAt !== null) return before;
    const disabledAt = now.toISOString();
    await trx
      .updateTable('users')
      .set({ disabled_at: disabledAt })
      .where('name', '=', name)
      .execute();
    const revoked = await revokeCredentials(trx, 'user', name, now);
    const after = { ...before, disabledAt, revokedTokens: revoked };
    await recordAudit(
      trx,
      { ...auditActor(actor), action: 'disable', kind: 'user', target: name, before, after },
      now,
    );
    return { ...before, disabledAt };
  });
  accessChanged();
  return disabled;
}
