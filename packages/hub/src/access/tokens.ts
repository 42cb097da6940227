// Secrets we hand out (API tokens, agent credentials, join tokens): random, shown once, stored only
// as a hash.
import { createHash, randomBytes } from 'node:crypto';

/** Kinds of secret, each with a recognisable prefix: `flt_u_…`, `flt_a_…`, `flt_j_…`. */
export type SecretKind = 'user' | 'agent' | 'join';

/** A new secret of `kind`: 256 random bits, base64url. */
export function newSecret(kind: SecretKind): string {
  return `flt_${kind[0]}_${randomBytes(32).toString('base64url')}`;
}

/** True when `secret` has the prefix of `kind` (a cheap check before any store lookup). */
export function isSecretOf(kind: SecretKind, secret: string): boolean {
  return secret.startsWith(`flt_${kind[0]}_`);
}

/** The only form in which a secret is stored or compared. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Extracts the token from an `Authorization: Bearer …` header value. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}
