// Turns a settings table into command-line options and reads each setting from, in order, its
// flag, its FLOTILLA_* variable, then its default (process.env is read here and nowhere else).
import type { Command } from '@commander-js/extra-typings';
import {
  envName,
  flagName,
  parseSettings,
  type ConfigOf,
  type SettingsTable,
} from '@flotilla/protocol';

/** Adds one `--flag <value>` option per setting, with its variable and default in the help. */
export function addSettingOptions(command: Command, table: SettingsTable): void {
  for (const [key, spec] of Object.entries(table)) {
    const value = spec.isSwitch === true ? '[value]' : '<value>';
    const defaults =
      spec.defaultText === undefined ? 'required' : `default ${JSON.stringify(spec.defaultText)}`;
    command.option(
      `--${flagName(key)} ${value}`,
      `${spec.description} (${envName(key)}; ${defaults})`,
    );
  }
}

/** Raw text for every setting: flag first, then environment. */
function rawSettings(
  table: SettingsTable,
  flags: Readonly<Record<string, unknown>>,
  env: NodeJS.ProcessEnv,
): Record<string, string | undefined> {
  const raw: Record<string, string | undefined> = {};
  for (const key of Object.keys(table)) {
    const flag = flags[key];
    raw[key] = flag === true ? 'true' : typeof flag === 'string' ? flag : env[envName(key)];
  }
  return raw;
}

/** Reads and validates the whole table; throws ConfigError naming every bad setting. */
export function readSettings<S extends SettingsTable>(
  table: S,
  flags: Readonly<Record<string, unknown>>,
  env: NodeJS.ProcessEnv = process.env,
): ConfigOf<S> {
  return parseSettings(table, rawSettings(table, flags, env));
}
