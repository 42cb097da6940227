// Turns a bearer token into a Subject (who, groups, grants), or refuses it with 401. API tokens
// are looked up by hash; anything shaped like a JWT goes to the OIDC verifier when one is set.
import { FlotillaError } from '@flotilla/protocol';
import type { Db } from '../store/store.ts';
import type { Subject } from './can.ts';
import { verifyCredential } from './credentials.ts';
import type { OidcVerifier } from './oidc.ts';
import { grantsFor } from './role-bindings.ts';
import { bearerToken, isSecretOf } from './tokens.ts';
import { findUser } from './users.ts';
import { cachedAuthentication, type Authentication } from './authentication-cache.ts';

/** Resolves the caller of a request. */
export interface Authenticator {
  /** The subject of an `Authorization` header value; throws `unauthenticated` otherwise. */
  authenticate(authorization: string | undefined): Promise<Subject>;
}

/** What an authenticator reads: the store, the clock, and OIDC when configured. */
export interface AuthenticatorDeps {
  readonly db: Db;
  readonly now: () => Date;
  readonly oidc?: OidcVerifier | undefined;
}

const refused = () => new FlotillaError('unauthenticated', 'token is unknown, expired or revoked');
const isJwtShaped = (token: string) => /^[\w-]+\.[\w-]+\.[\w-]*$/.test(token);
const epochMs = (iso: string | null) => (iso === null ? undefined : Date.parse(iso));

async function fromApiToken(db: Db, token: string, now: Date): Promise<Authentication> {
  const credential = await verifyCredential(db, token, now);
  if (credential?.kind !== 'user') throw refused();
  const user = await findUser(db, credential.name);
  if (user === undefined || user.disabledAt !== null) throw refused();
  const grants = await grantsFor(db, user.name, []);
  const subject: Subject = { kind: user.kind, name: user.name, groups: [], grants, via: 'token' };
  return { subject, expiresAt: epochMs(credential.expiresAt) };
}

async function fromIdToken(db: Db, oidc: OidcVerifier, token: string): Promise<Authentication> {
  const { name, groups, expiresAt } = await oidc.verify(token);
  const grants = await grantsFor(db, name, groups);
  return { subject: { kind: 'user', name, groups, grants, via: 'oidc' }, expiresAt };
}

function resolver(deps: AuthenticatorDeps): (token: string) => Promise<Authentication> {
  return (token) => {
    if (isSecretOf('user', token)) return fromApiToken(deps.db, token, deps.now());
    if (deps.oidc !== undefined && isJwtShaped(token))
      return fromIdToken(deps.db, deps.oidc, token);
    return Promise.reject(refused());
  };
}

function fromHeader(resolve: (token: string) => Promise<Subject>): Authenticator {
  return {
    authenticate(authorization) {
      const token = bearerToken(authorization);
      if (token === undefined)
        return Promise.reject(new FlotillaError('unauthenticated', 'missing bearer token'));
      return resolve(token);
    },
  };
}

/** An authenticator over the store, with OIDC when `oidc` is given; every call reads the store. */
export function createAuthenticator(deps: AuthenticatorDeps): Authenticator {
  const resolve = resolver(deps);
  return fromHeader(async (token) => (await resolve(token)).subject);
}

/**
 * The same, reusing an authentication for up to `authenticationTtlMs` (never past the token's
 * expiry; at once stale after a credential, user or binding change in this process). For the
 * Kubernetes proxy, where one client sends many requests a second.
 */
export function createCachingAuthenticator(deps: AuthenticatorDeps): Authenticator {
  return fromHeader(cachedAuthentication(resolver(deps), deps.now));
}
