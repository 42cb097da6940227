// Remembers recent authentications for a moment, so a busy kubectl or informer does not cost three
// store queries and a hash per request. Bounded staleness, never beyond the credential's expiry.
import type { Subject } from './can.ts';
import { accessGeneration } from './access-changes.ts';
import { hashSecret } from './tokens.ts';

/** A subject and the moment (epoch ms, hub clock) its credential stops being valid, if any. */
export interface Authentication {
  readonly subject: Subject;
  readonly expiresAt: number | undefined;
}

interface Entry {
  readonly subject: Subject;
  readonly generation: number;
  /** Monotonic: the TTL holds in real time, whatever the injected clock does. */
  readonly staleAfter: number;
  readonly expiresAt: number;
}

/**
 * How long an authentication is reused. A token revoked, a user disabled or a binding changed
 * through this hub process takes effect on the next request (access-changes.ts); a change made
 * elsewhere (another replica, SQL) takes effect within this bound.
 */
export const authenticationTtlMs = 2000;

const maxEntries = 10_000;

/** Wraps `resolve` (authorization header → authentication) in the cache; failures are never cached. */
export function cachedAuthentication(
  resolve: (token: string) => Promise<Authentication>,
  now: () => Date,
  ttlMs = authenticationTtlMs,
): (token: string) => Promise<Subject> {
  const entries = new Map<string, Entry>();
  const isFresh = (entry: Entry) =>
    entry.generation === accessGeneration() &&
    performance.now() < entry.staleAfter &&
    now().getTime() < entry.expiresAt;
  return async (token) => {
    const key = hashSecret(token);
    const hit = entries.get(key);
    if (hit !== undefined && isFresh(hit)) return hit.subject;
    entries.delete(key);
    const generation = accessGeneration();
    const staleAfter = performance.now() + ttlMs;
    const { subject, expiresAt } = await resolve(token);
    // A change that committed while we read may not be in what we read: use it, don't keep it.
    if (generation !== accessGeneration()) return subject;
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value ?? '');
    entries.set(key, { subject, generation, staleAfter, expiresAt: expiresAt ?? Infinity });
    return subject;
  };
}
