// Join tokens: an agent presents one once, instead of a credential, and the hub registers its
// cluster (with the token's preset environment and labels) and hands back a per-cluster credential.
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { FlotillaError, type Environment } from '@flotilla/protocol';
import type { Db } from '../store/store.ts';
import type { JoinTokenTable } from '../store/schema.ts';
import { auditActor, recordAudit, type Actor } from '../audit/audit.ts';
import { hashSecret, newSecret } from '../access/tokens.ts';
import { insertCluster, publicFields } from './registry.ts';

/** What a new join token presets; `maxUses` null means any number of clusters until expiry. */
export interface NewJoinToken {
  readonly description?: string | null;
  readonly environment: Environment;
  readonly labels: Readonly<Record<string, string>>;
  readonly maxUses: number | null;
  readonly expiresAt: string;
}

/** A join token as listings show it (never the secret). */
export interface JoinTokenInfo {
  readonly id: string;
  readonly description: string | null;
  readonly environment: Environment;
  readonly labels: Record<string, string>;
  readonly maxUses: number | null;
  readonly uses: number;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
}

function toInfo(row: Selectable<JoinTokenTable>): JoinTokenInfo {
  return {
    id: row.id,
    description: row.description,
    environment: row.environment as Environment,
    labels: JSON.parse(row.labels) as Record<string, string>,
    maxUses: row.max_uses,
    uses: row.uses,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

/** Creates a join token, audited; returns it with its secret (shown once). */
export async function createJoinToken(
  db: Db,
  spec: NewJoinToken,
  actor: Actor,
  now: Date,
): Promise<{ token: string; info: JoinTokenInfo }> {
  const token = newSecret('join');
  const row = {
    id: randomUUID(),
    token_hash: hashSecret(token),
    description: spec.description ?? null,
    environment: spec.environment,
    labels: JSON.stringify(spec.labels),
    max_uses: spec.maxUses,
    uses: 0,
    created_at: now.toISOString(),
    expires_at: spec.expiresAt,
    revoked_at: null,
  };
  const info = toInfo(row);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('join_tokens').values(row).execute();
    const entry = { action: 'create', kind: 'join-token', target: row.id, after: info };
    await recordAudit(trx, { ...auditActor(actor), ...entry }, now);
  });
  return { token, info };
}

/** Every join token, newest first. */
export async function listJoinTokens(db: Db): Promise<JoinTokenInfo[]> {
  const rows = await db
    .selectFrom('join_tokens')
    .selectAll()
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toInfo);
}

/** The join token `id` (`not_found` otherwise). */
export async function getJoinToken(db: Db, id: string): Promise<JoinTokenInfo> {
  const row = await db
    .selectFrom('join_tokens')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (row === undefined) throw new FlotillaError('not_found', `join token ${id} does not exist`);
  return toInfo(row);
}

/** Revokes a join token, audited; clusters it already enrolled keep their credentials. */
export async function revokeJoinToken(
  db: Db,
  id: string,
  actor: Actor,
  now: Date,
): Promise<JoinTokenInfo> {
  return db.transaction().execute(async (trx) => {
    const before = await getJoinToken(trx, id);
    if (before.revokedAt !== null) return before;
    const revokedAt = now.toISOString();
    await trx
      .updateTable('join_tokens')
      .set({ revoked_at: revokedAt })
      .where('id', '=', id)
      .execute();
    const entry = {
      action: 'revoke',
      kind: 'join-token',
      target: id,
      before,
      after: { ...before, revokedAt },
    };
    await recordAudit(trx, { ...auditActor(actor), ...entry }, now);
    return { ...before, revokedAt };
  });
}

/** The token's row if it may still enrol a cluster (known, unrevoked, unexpired, uses left). */
export async function usableJoinToken(
  db: Db,
  secret: string,
  now: Date,
): Promise<Selectable<JoinTokenTable> | undefined> {
  const row = await db
    .selectFrom('join_tokens')
    .selectAll()
    .where('token_hash', '=', hashSecret(secret))
    .executeTakeFirst();
  if (row === undefined || row.revoked_at !== null) return undefined;
  if (Date.parse(row.expires_at) <= now.getTime()) return undefined;
  return row.max_uses === null || row.uses < row.max_uses ? row : undefined;
}

/**
 * Counts one use unless the token ran out meanwhile. The condition is re-checked by the UPDATE
 * itself, so concurrent redemptions (PostgreSQL re-evaluates it after a row lock) never overshoot.
 */
async function consumeUse(trx: Db, id: string, now: Date): Promise<boolean> {
  const result = await trx
    .updateTable('join_tokens')
    .set((eb) => ({ uses: eb('uses', '+', 1) }))
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses', '<', eb.ref('max_uses'))]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Enrols `cluster` with the join token `secret`: one use is counted, the cluster is registered
 * with the token's environment and labels, and its agent credential is returned, all in one
 * audited transaction. A token never takes over a cluster that already exists (or a tombstone).
 */
export async function redeemJoinToken(
  db: Db,
  secret: string,
  cluster: string,
  source: Omit<Actor, 'name'>,
  now: Date,
): Promise<{ credential: string; environment: Environment }> {
  return db.transaction().execute(async (trx) => {
    const row = await usableJoinToken(trx, secret, now);
    if (row === undefined || !(await consumeUse(trx, row.id, now)))
      throw new FlotillaError(
        'unauthenticated',
        'join token is unknown, used up, expired or revoked',
      );
    const spec = {
      name: cluster,
      environment: row.environment as Environment,
      labels: JSON.parse(row.labels) as Record<string, string>,
    };
    const { secret: credential } = await insertCluster(trx, spec, now);
    const entry = {
      action: 'join',
      kind: 'cluster',
      target: cluster,
      cluster,
      after: { ...publicFields(spec), joinToken: row.id },
    };
    await recordAudit(
      trx,
      { ...auditActor({ ...source, name: `join-token:${row.id}` }), ...entry },
      now,
    );
    return { credential, environment: spec.environment };
  });
}
