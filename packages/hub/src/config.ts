// The hub's settings, read once at start into a frozen, typed config.
import {
  choiceSetting,
  durationSetting,
  integerSetting,
  logLevels,
  optionalTextSetting,
  textSetting,
  urlSetting,
  type ConfigOf,
} from '@flotilla/protocol';

/** Every setting `flotilla hub` takes (flags, FLOTILLA_* variables, help and docs come from here). */
export const hubSettings = {
  host: textSetting({ description: 'Address to listen on', defaultText: '127.0.0.1' }),
  port: integerSetting({
    description: 'Port for HTTP, WebSocket and the dashboard',
    min: 0,
    max: 65535,
    defaultText: '8080',
  }),
  store: textSetting({
    description: 'Where the hub keeps its state',
    allowed: 'sqlite:<file>, sqlite::memory: or postgres://<user>@<host>:<port>/<database>',
    pattern: /^(sqlite:.+|postgres(ql)?:\/\/\S+)$/,
    defaultText: 'sqlite:.flotilla/hub.db',
  }),
  publicUrl: urlSetting({
    description:
      'URL users and agents reach the hub at (used in kubeconfigs; empty: http://<host>:<port>)',
    schemes: ['http', 'https'],
    isOptional: true,
  }),
  logLevel: choiceSetting({
    description: 'Least severe log level written',
    choices: logLevels,
    defaultText: 'info',
  }),
  heartbeatInterval: durationSetting({
    description: 'How often the hub pings each agent; three missed pongs drop the tunnel',
    minMs: 100,
    maxMs: 300_000,
    defaultText: '10s',
  }),
  agentAdmissionRate: integerSetting({
    description:
      'Agent connections admitted per second on average (bursts up to 5× that); more wait and retry',
    min: 1,
    max: 100_000,
    defaultText: '500',
  }),
  bodyLimit: integerSetting({
    description: 'Largest request body accepted, in bytes',
    min: 1024,
    max: 64 * 1024 * 1024,
    defaultText: '1048576',
  }),
  adminTokenFile: optionalTextSetting({
    description: 'File to write the bootstrap admin token to on first start (empty: log it once)',
    allowed: 'a file path, or empty',
  }),
  tlsCertFile: optionalTextSetting({
    description:
      'PEM certificate (chain) for HTTPS, served on the same port as HTTP (empty: HTTP only)',
    allowed: 'a file path, or empty',
  }),
  tlsKeyFile: optionalTextSetting({
    description: 'PEM private key of --tls-cert-file',
    allowed: 'a file path, or empty',
  }),
  dashboardDir: optionalTextSetting({
    description:
      'Directory of the built dashboard served at / (empty: the one bundled with flotilla)',
    allowed: 'a directory path, or empty',
  }),
  oidcIssuer: urlSetting({
    description: 'OIDC issuer whose ID tokens the hub accepts (empty: API tokens only)',
    schemes: ['https', 'http'],
    isOptional: true,
  }),
  oidcAudience: optionalTextSetting({
    description: 'Audience (client id) the ID tokens must name; required with an issuer',
    allowed: 'text, or empty',
  }),
  oidcJwksUrl: urlSetting({
    description: "URL of the issuer's signing keys (empty: discovered from the issuer)",
    schemes: ['https', 'http'],
    isOptional: true,
  }),
  oidcUsernameClaim: textSetting({
    description: 'ID token claim naming the user',
    defaultText: 'sub',
  }),
  oidcGroupsClaim: textSetting({
    description: "ID token claim listing the user's groups",
    defaultText: 'groups',
  }),
  oidcUsernamePrefix: optionalTextSetting({
    description: 'Prefix of OIDC user names, so they never collide with local users',
    defaultText: 'oidc:',
  }),
  oidcGroupsPrefix: optionalTextSetting({
    description: 'Prefix of OIDC group names in role bindings',
    defaultText: 'oidc:',
  }),
} as const;

export type HubConfig = ConfigOf<typeof hubSettings>;
