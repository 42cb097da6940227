// The hub's settings, read once at start into a frozen, typed config.
import {
  choiceSetting,
  durationSetting,
  integerSetting,
  optionalTextSetting,
  textSetting,
  urlSetting,
  type ConfigOf,
} from '@flotilla/protocol';

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

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
    allowed: 'sqlite:<file> or sqlite::memory:',
    pattern: /^sqlite:.+$/,
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
  dashboardDir: optionalTextSetting({
    description:
      'Directory of the built dashboard served at / (empty: the one bundled with flotilla)',
    allowed: 'a directory path, or empty',
  }),
} as const;

export type HubConfig = ConfigOf<typeof hubSettings>;
