// Builds the OIDC verifier from the hub's settings, or none when no issuer is configured.
import { ConfigError } from '@flotilla/protocol';
import type { HubConfig } from '../config.ts';
import { createOidcVerifier, type OidcVerifier } from './oidc.ts';

/** The verifier the settings ask for; an issuer without an audience is a configuration error. */
export function oidcVerifierFrom(config: HubConfig, now: () => Date): OidcVerifier | undefined {
  if (config.oidcIssuer === '') return undefined;
  if (config.oidcAudience === '') {
    throw new ConfigError([
      {
        flag: 'oidc-audience',
        env: 'FLOTILLA_OIDC_AUDIENCE',
        value: '',
        allowed: 'the client id ID tokens are issued to (required when --oidc-issuer is set)',
      },
    ]);
  }
  return createOidcVerifier(
    {
      issuer: config.oidcIssuer,
      audience: config.oidcAudience,
      jwksUrl: config.oidcJwksUrl,
      usernameClaim: config.oidcUsernameClaim,
      groupsClaim: config.oidcGroupsClaim,
      usernamePrefix: config.oidcUsernamePrefix,
      groupsPrefix: config.oidcGroupsPrefix,
    },
    now,
  );
}
