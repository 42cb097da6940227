// Verifies OIDC ID tokens (JWTs) from the configured issuer: keys from its JWKS (fetched and
// cached by jose), signature, issuer, audience, expiry and not-before; claims → user and groups.
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { FlotillaError } from '@flotilla/protocol';

/** How the hub trusts an issuer (from the `oidc*` settings). */
export interface OidcSettings {
  readonly issuer: string;
  readonly audience: string;
  /** Empty: discovered from `<issuer>/.well-known/openid-configuration`. */
  readonly jwksUrl: string;
  readonly usernameClaim: string;
  readonly groupsClaim: string;
  /** Prefixes keep IdP names apart from local users: IdP user `admin` is not the hub's `admin`. */
  readonly usernamePrefix: string;
  readonly groupsPrefix: string;
}

/** Who an ID token says the caller is, and until when (epoch ms) the token is valid. */
export interface OidcIdentity {
  readonly name: string;
  readonly groups: string[];
  readonly expiresAt: number | undefined;
}

export interface OidcVerifier {
  verify(token: string): Promise<OidcIdentity>;
}

// Asymmetric algorithms only: `none` and shared-secret HMAC are never accepted.
const algorithms = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'EdDSA',
];

async function discoverJwks(issuer: string): Promise<URL> {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`OIDC discovery answered ${response.status}`);
  const { jwks_uri: jwksUri } = (await response.json()) as { jwks_uri?: unknown };
  if (typeof jwksUri !== 'string') throw new Error('OIDC discovery has no jwks_uri');
  return new URL(jwksUri);
}

function identityOf(payload: JWTPayload, settings: OidcSettings): OidcIdentity {
  const name = payload[settings.usernameClaim];
  if (typeof name !== 'string' || name === '')
    throw new FlotillaError('unauthenticated', `ID token has no ${settings.usernameClaim} claim`);
  const groups = payload[settings.groupsClaim] ?? [];
  if (!Array.isArray(groups) || !groups.every((g) => typeof g === 'string'))
    throw new FlotillaError(
      'unauthenticated',
      `ID token claim ${settings.groupsClaim} is not a list of names`,
    );
  return {
    name: settings.usernamePrefix + name,
    groups: groups.map((g) => settings.groupsPrefix + g),
    expiresAt: payload.exp === undefined ? undefined : payload.exp * 1000,
  };
}

/** A verifier for `settings`; `now` is the clock expiry is judged by. */
export function createOidcVerifier(settings: OidcSettings, now: () => Date): OidcVerifier {
  let keys: ReturnType<typeof createRemoteJWKSet> | undefined;
  const keySet = async () => {
    // Discovery is retried on the next request if it failed: the issuer may start after the hub.
    keys ??= createRemoteJWKSet(
      settings.jwksUrl === '' ? await discoverJwks(settings.issuer) : new URL(settings.jwksUrl),
      { cacheMaxAge: 10 * 60_000, cooldownDuration: 30_000 },
    );
    return keys;
  };
  return {
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, await keySet(), {
          issuer: settings.issuer,
          audience: settings.audience,
          algorithms,
          currentDate: now(),
          clockTolerance: 5,
        });
        return identityOf(payload, settings);
      } catch (error) {
        if (error instanceof FlotillaError) throw error;
        throw new FlotillaError('unauthenticated', 'ID token is not valid for this hub', {
          cause: error,
        });
      }
    },
  };
}
