// Issuing, checking, listing and revoking the secrets users and agents present.
import { randomUUID } from 'node:crypto';
import type { Db } from '../store/store.ts';
import type { CredentialTable } from '../store/schema.ts';
import { accessChanged } from './access-changes.ts';
import { hashSecret, newSecret } from './tokens.ts';

/** Who presented a credential, and until when (ISO time, null for never) it is valid. */
export type CredentialSubject = (
  | { readonly kind: 'user'; readonly name: string; readonly credentialId: string }
  | { readonly kind: 'agent'; readonly cluster: string; readonly credentialId: string }
) & { readonly expiresAt: string | null };

/** What a token listing shows: never the secret or its hash. */
export interface TokenInfo {
  readonly id: string;
  readonly subject: string;
  readonly description: string | null;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
}

/** Options of a new credential. */
export interface IssueOptions {
  readonly expiresAt?: string | null;
  readonly description?: string | null;
}

// Writing last-used on every request would turn every read into a write; a minute is precise
// enough to answer "is this token still in use?".
const lastUsedResolutionMs = 60_000;

/** Stores a new credential for `subject`; returns its id and the secret (the only time it exists in clear). */
export async function issueCredential(
  db: Db,
  kind: CredentialTable['kind'],
  subject: string,
  now: Date,
  options: IssueOptions = {},
): Promise<{ id: string; secret: string }> {
  const secret = newSecret(kind);
  const id = randomUUID();
  await db
    .insertInto('credentials')
    .values({
      id,
      kind,
      subject,
      token_hash: hashSecret(secret),
      description: options.description ?? null,
      created_at: now.toISOString(),
      expires_at: options.expiresAt ?? null,
      revoked_at: null,
      last_used_at: null,
    })
    .execute();
  return { id, secret };
}

function isLive(row: { expires_at: string | null; revoked_at: string | null }, now: Date): boolean {
  if (row.revoked_at !== null) return false;
  return row.expires_at === null || Date.parse(row.expires_at) > now.getTime();
}

/** The subject a secret belongs to, if it is known, unexpired and not revoked; notes its use. */
export async function verifyCredential(
  db: Db,
  secret: string,
  now: Date,
): Promise<CredentialSubject | undefined> {
  const row = await db
    .selectFrom('credentials')
    .select(['id', 'kind', 'subject', 'expires_at', 'revoked_at', 'last_used_at'])
    .where('token_hash', '=', hashSecret(secret))
    .executeTakeFirst();
  if (row === undefined || !isLive(row, now)) return undefined;
  const last = row.last_used_at === null ? 0 : Date.parse(row.last_used_at);
  if (now.getTime() - last >= lastUsedResolutionMs) {
    await db
      .updateTable('credentials')
      .set({ last_used_at: now.toISOString() })
      .where('id', '=', row.id)
      .execute();
  }
  const expiresAt = row.expires_at;
  return row.kind === 'user'
    ? { kind: 'user', name: row.subject, credentialId: row.id, expiresAt }
    : { kind: 'agent', cluster: row.subject, credentialId: row.id, expiresAt };
}

/** True when any user credential exists (so the bootstrap admin is created only once). */
export async function hasUserCredential(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('credentials')
    .select('id')
    .where('kind', '=', 'user')
    .executeTakeFirst();
  return row !== undefined;
}

// The columns of a token anyone may see: never its hash.
const tokenColumns = [
  'id',
  'subject',
  'description',
  'created_at',
  'expires_at',
  'revoked_at',
  'last_used_at',
] as const;

function userTokens(db: Db, user: string) {
  return db
    .selectFrom('credentials')
    .select(tokenColumns)
    .where('kind', '=', 'user')
    .where('subject', '=', user);
}

/** A user's API tokens, newest first. */
export async function listUserTokens(db: Db, user: string): Promise<TokenInfo[]> {
  const rows = await userTokens(db, user).orderBy('created_at', 'desc').orderBy('id').execute();
  return rows.map(toTokenInfo);
}

/** The user token `id` of `user`, if there is one. */
export async function findUserToken(
  db: Db,
  user: string,
  id: string,
): Promise<TokenInfo | undefined> {
  const row = await userTokens(db, user).where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toTokenInfo(row);
}

function toTokenInfo(row: {
  id: string;
  subject: string;
  description: string | null;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}): TokenInfo {
  return {
    id: row.id,
    subject: row.subject,
    description: row.description,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}

/**
 * Revokes the live credentials of `kind` for `subject` (or only `id`); returns how many. Callers
 * in a transaction also call `accessChanged()` once it commits.
 */
export async function revokeCredentials(
  db: Db,
  kind: CredentialTable['kind'],
  subject: string,
  now: Date,
  id?: string,
): Promise<number> {
  let update = db
    .updateTable('credentials')
    .set({ revoked_at: now.toISOString() })
    .where('kind', '=', kind)
    .where('subject', '=', subject)
    .where('revoked_at', 'is', null);
  if (id !== undefined) update = update.where('id', '=', id);
  const result = await update.executeTakeFirst();
  accessChanged();
  return Number(result.numUpdatedRows);
}
