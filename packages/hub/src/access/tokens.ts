// Secrets we hand out (API tokens, agent credentials): random, shown once, stored only as a hash.
import { createHash, randomBytes } from 'node:crypto';

/** A new secret with a recognisable prefix, e.g. `flt_u_…` for users and `flt_a_…` for agents. */
export function newSecret(kind: 'user' | 'agent'): string {
  return `flt_${kind[0]}_${randomBytes(32).toString('base64url')}`;
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
