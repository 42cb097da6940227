// Constructors for the kinds of setting our processes take (ports, URLs, durations, choices).
import type { SettingSpec } from './settings.ts';

interface Base {
  readonly description: string;
  readonly defaultText?: string;
}

/** A whole number within [min, max]. */
export function integerSetting(base: Base & { min: number; max: number }): SettingSpec<number> {
  return {
    ...base,
    allowed: `a whole number from ${base.min} to ${base.max}`,
    parse: (text) => {
      if (!/^-?\d+$/.test(text.trim())) return undefined;
      const n = Number(text);
      return n >= base.min && n <= base.max ? n : undefined;
    },
  };
}

/** One of a fixed set of words. */
/** The pino log levels every process's `logLevel` setting chooses from, most severe first. */
export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function choiceSetting<const T extends string>(
  base: Base & { choices: readonly T[] },
): SettingSpec<T> {
  return {
    ...base,
    allowed: `one of ${base.choices.join(', ')}`,
    parse: (text) => base.choices.find((c) => c === text),
  };
}

/** Any non-empty text, optionally matching a pattern described in `allowed`. */
export function textSetting(
  base: Base & { allowed?: string; pattern?: RegExp },
): SettingSpec<string> {
  return {
    ...base,
    allowed: base.allowed ?? 'non-empty text',
    parse: (text) => (text !== '' && (base.pattern?.test(text) ?? true) ? text : undefined),
  };
}

/** Text that may be left empty (the empty string means "not set"). */
export function optionalTextSetting(base: Base & { allowed?: string }): SettingSpec<string> {
  return {
    ...base,
    defaultText: base.defaultText ?? '',
    allowed: base.allowed ?? 'any text',
    parse: (t) => t,
  };
}

/** An absolute URL with one of the given schemes, kept as text (protocol has no URL type). */
export function urlSetting(
  base: Base & { schemes: readonly string[]; isOptional?: boolean },
): SettingSpec<string> {
  const pattern = new RegExp(`^(${base.schemes.join('|')})://[^\\s/?#]+(/\\S*)?$`);
  const optional = base.isOptional === true;
  return {
    ...base,
    ...(optional && base.defaultText === undefined ? { defaultText: '' } : {}),
    allowed: `an absolute ${base.schemes.join(' or ')} URL${optional ? ', or empty' : ''}`,
    parse: (text) => {
      if (optional && text === '') return '';
      return pattern.test(text) ? text.replace(/\/+$/, '') : undefined;
    },
  };
}

/** A duration such as `500ms`, `10s` or `2m`, returned in milliseconds. */
export function durationSetting(
  base: Base & { minMs: number; maxMs: number },
): SettingSpec<number> {
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  return {
    ...base,
    allowed: `a duration like 500ms, 10s or 2m, from ${base.minMs}ms to ${base.maxMs}ms`,
    parse: (text) => {
      const match = /^(\d+)(ms|s|m|h)$/.exec(text.trim());
      const ms = match ? Number(match[1]) * (units[match[2] ?? ''] ?? Number.NaN) : Number.NaN;
      return ms >= base.minMs && ms <= base.maxMs ? ms : undefined;
    },
  };
}

/** `true`/`false` (also `1`/`0`, `yes`/`no`). */
export function booleanSetting(base: Base): SettingSpec<boolean> {
  const words: Record<string, boolean> = {
    true: true,
    false: false,
    '1': true,
    '0': false,
    yes: true,
    no: false,
  };
  return {
    ...base,
    isSwitch: true,
    allowed: 'true or false',
    parse: (text) => words[text.trim().toLowerCase()],
  };
}
