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

/** Resolves the caller of a request. */
export interface Authenticator {
  /** The subject of an `Authorization` header value; throws `unauthenticated` otherwise. */
  authenticate(authorization: string | undefined): Promise<Subject>;
}

const refused = () => new FlotillaError('unauthenticated', 'token is unknown, expired or revoked');
const isJwtShaped = (token: string) => /^[\w-]+\.[\w-]+\.[\w-]*$/.test(token);

async function fromApiToken(db: Db, token: string, now: Date): Promise<Subject> {
  const credential = await verifyCredential(db, token, now);
  if (credential?.kind !== 'user') throw refused();
  const user = await findUser(db, credential.name);
  if (user === undefined || user.disabledAt !== null) throw refused();
  const grants = await grantsFor(db, user.name, []);
  return { kind: user.kind, name: user.name, groups: [], grants, via: 'token' };
}

async function fromIdToken(db: Db, oidc: OidcVerifier, token: string): Promise<Subject> {
  const { name, groups } = await oidc.verify(token);
  const grants = await grantsFor(db, name, groups);
  return { kind: 'user', name, groups, grants, via: 'oidc' };
}

/** An authenticator over the store, with OIDC when `oidc` is given. */
export function createAuthenticator(deps: {
  db: Db;
  now: () => Date;
  oidc?: OidcVerifier | undefined;
}): Authenticator {
  return {
    async authenticate(authorization) {
      const token = bearerToken(authorization);
      if (token === undefined) throw new FlotillaError('unauthenticated', 'missing bearer token');
      if (isSecretOf('user', token)) return fromApiToken(deps.db, token, deps.now());
      if (deps.oidc !== undefined && isJwtShaped(token))
        return fromIdToken(deps.db, deps.oidc, token);
      throw refused();
    },
  };
}
