// The demo's settings.
import {
  choiceSetting,
  integerSetting,
  optionalTextSetting,
  logLevels,
  textSetting,
  type ConfigOf,
} from '@flotilla/protocol';

/** Every setting `flotilla demo` takes. */
export const demoSettings = {
  host: textSetting({ description: 'Address the hub listens on', defaultText: '127.0.0.1' }),
  port: integerSetting({
    description: 'Port of the hub (dashboard, API, tunnel)',
    min: 0,
    max: 65535,
    defaultText: '8080',
  }),
  dataDir: textSetting({
    description: 'Directory for the store, tokens, kubeconfig and log',
    defaultText: '.flotilla',
  }),
  scenario: optionalTextSetting({
    description: 'YAML scenario file for the simulated fleet (empty: the built-in demo fleet)',
    allowed: 'a file path, or empty',
  }),
  logLevel: choiceSetting({
    description: 'Least severe level written to <data-dir>/demo.log',
    choices: logLevels,
    defaultText: 'info',
  }),
} as const;

export type DemoConfig = ConfigOf<typeof demoSettings>;
