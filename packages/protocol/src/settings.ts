// Typed configuration settings: one table per process drives flags, FLOTILLA_* variables, help
// text, validation and the README's configuration reference.

/** One setting: how to read it from text and what to say when the text is wrong. */
export interface SettingSpec<T> {
  readonly description: string;
  /** Human words for the values accepted, quoted in error messages and help. */
  readonly allowed: string;
  /** Default as the user would type it; absent means the setting is required. */
  readonly defaultText?: string;
  /** True for on/off settings that may be given as a bare flag (`--insecure`). */
  readonly isSwitch?: boolean;
  /** Returns the value, or undefined when `text` is not allowed. */
  readonly parse: (text: string) => T | undefined;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- variance: any spec fits a table.
export type SettingsTable = Readonly<Record<string, SettingSpec<any>>>;

/** The frozen config object a table produces. */
export type ConfigOf<S extends SettingsTable> = {
  readonly [K in keyof S]: S[K] extends SettingSpec<infer T> ? T : never;
};

/** One rejected setting, named as the user wrote it. */
export interface SettingProblem {
  readonly flag: string;
  readonly env: string;
  readonly value: string | undefined;
  readonly allowed: string;
}

/** Thrown when configuration is invalid; lists every problem, not just the first. */
export class ConfigError extends Error {
  readonly problems: readonly SettingProblem[];

  constructor(problems: readonly SettingProblem[]) {
    super(problems.map(describeProblem).join('\n'));
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

function describeProblem(p: SettingProblem): string {
  const given =
    p.value === undefined ? 'is missing' : `has invalid value ${JSON.stringify(p.value)}`;
  return `setting --${p.flag} (${p.env}) ${given}: allowed ${p.allowed}`;
}

/** `adminTokenFile` → `admin-token-file`. */
export function flagName(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** `adminTokenFile` → `FLOTILLA_ADMIN_TOKEN_FILE`. */
export function envName(key: string): string {
  return `FLOTILLA_${flagName(key).replaceAll('-', '_').toUpperCase()}`;
}

/** Reads every setting of `table` from `raw` (key → text), applying defaults, into a frozen object. */
export function parseSettings<S extends SettingsTable>(
  table: S,
  raw: Readonly<Record<string, string | undefined>>,
): ConfigOf<S> {
  const config: Record<string, unknown> = {};
  const problems: SettingProblem[] = [];
  for (const [key, spec] of Object.entries(table)) {
    const text = raw[key] ?? spec.defaultText;
    const value: unknown = text === undefined ? undefined : spec.parse(text);
    if (value === undefined) {
      problems.push({ flag: flagName(key), env: envName(key), value: text, allowed: spec.allowed });
    }
    config[key] = value;
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config) as ConfigOf<S>;
}
