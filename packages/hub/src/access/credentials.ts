// Issuing and checking credentials against the store.
import { randomUUID } from 'node:crypto';
import type { Db } from '../store/store.ts';
import type { CredentialTable } from '../store/schema.ts';
import { hashSecret, newSecret } from './tokens.ts';

/** Who presented a credential. */
export type Subject =
  | { readonly kind: 'user'; readonly name: string }
  | { readonly kind: 'agent'; readonly cluster: string };

/** Stores a new credential for `subject` and returns the secret (the only time it exists in clear). */
export async function issueCredential(
  db: Db,
  kind: CredentialTable['kind'],
  subject: string,
  now: Date,
): Promise<string> {
  const secret = newSecret(kind);
  await db
    .insertInto('credentials')
    .values({
      id: randomUUID(),
      kind,
      subject,
      token_hash: hashSecret(secret),
      created_at: now.toISOString(),
      expires_at: null,
      revoked_at: null,
      last_used_at: null,
    })
    .execute();
  return secret;
}

/** The subject a secret belongs to, if it is known, unexpired and not revoked. */
export async function verifyCredential(
  db: Db,
  secret: string,
  now: Date,
): Promise<Subject | undefined> {
  const row = await db
    .selectFrom('credentials')
    .select(['kind', 'subject', 'expires_at', 'revoked_at'])
    .where('token_hash', '=', hashSecret(secret))
    .executeTakeFirst();
  if (row === undefined || row.revoked_at !== null) return undefined;
  if (row.expires_at !== null && Date.parse(row.expires_at) <= now.getTime()) return undefined;
  return row.kind === 'user'
    ? { kind: 'user', name: row.subject }
    : { kind: 'agent', cluster: row.subject };
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
