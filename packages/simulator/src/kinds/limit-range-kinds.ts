// LimitRange defaulting and validation as a v1.32 API server does them (limit-ranger.ts enforces them).
import { isRecord } from '../api/types.ts';
import type { KubeObject } from '../api/types.ts';
import type { StatusCause } from '../api/status.ts';
import { record } from './defaulting.ts';
import type { Json } from './defaulting.ts';
import { invalidValue } from './kind-hooks.ts';
import type { KindHooks } from './kind-hooks.ts';
import { amountOf, canonical } from './quantities.ts';

const bounds = ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio'] as const;

/** `base` with each key of `from` it lacks. */
function withMissing(base: Json, from: Json): Json {
  return { ...from, ...base };
}

/**
 * A Container item's defaults: the default limit is the max, the default request is the default
 * limit, else the min; so a range with only a max still gives every container a limit and request.
 */
function defaultItem(item: Json): Json {
  if (item['type'] !== 'Container') return item;
  const limit = withMissing(record(item['default']), record(item['max']));
  const request = withMissing(
    withMissing(record(item['defaultRequest']), limit),
    record(item['min']),
  );
  return { ...item, default: limit, defaultRequest: request };
}

function defaultLimitRange(object: KubeObject): KubeObject {
  const spec = record(object['spec']);
  const limits = Array.isArray(spec['limits']) ? spec['limits'] : [];
  const defaulted = limits.map((item: unknown) => (isRecord(item) ? defaultItem(item) : item));
  return { ...object, spec: { ...spec, limits: defaulted } };
}

type Check = readonly [when: [string, string], field: string, shown: 'low' | 'high', text: string];

/** The pairs ValidateLimitRange compares, in its order: [low, high], field, value shown, message. */
const checks: readonly Check[] = [
  [['min', 'max'], 'min', 'low', 'min value %l is greater than max value %h'],
  [
    ['min', 'defaultRequest'],
    'defaultRequest',
    'high',
    'min value %l is greater than default request value %h',
  ],
  [
    ['defaultRequest', 'max'],
    'defaultRequest',
    'low',
    'default request value %l is greater than max value %h',
  ],
  [
    ['defaultRequest', 'default'],
    'defaultRequest',
    'low',
    'default request value %l is greater than default limit value %h',
  ],
  [['min', 'default'], 'default', 'low', 'min value %l is greater than default value %h'],
  [['default', 'max'], 'default', 'high', 'default value %l is greater than max value %h'],
];

function itemCauses(item: Json, path: string): StatusCause[] {
  const causes: StatusCause[] = [];
  const lists = Object.fromEntries(bounds.map((bound) => [bound, record(item[bound])]));
  const keys = new Set(bounds.flatMap((bound) => Object.keys(lists[bound] ?? {})));
  for (const key of [...keys].sort()) {
    for (const [[low, high], field, shown, text] of checks) {
      const lowValue = lists[low]?.[key];
      const highValue = lists[high]?.[key];
      if (lowValue === undefined || highValue === undefined) continue;
      if (amountOf(lowValue).value <= amountOf(highValue).value) continue;
      const message = text.replace('%l', canonical(lowValue)).replace('%h', canonical(highValue));
      const value = canonical(shown === 'low' ? lowValue : highValue);
      causes.push(invalidValue(`${path}.${field}[${key}]`, value, message));
    }
    const ratio = lists['maxLimitRequestRatio']?.[key];
    if (ratio !== undefined && amountOf(ratio).value < 1) {
      const shown = canonical(ratio);
      const field = `${path}.maxLimitRequestRatio[${key}]`;
      causes.push(invalidValue(field, shown, `ratio ${shown} is less than 1`));
    }
  }
  return causes;
}

function podItemCauses(item: Json, path: string): StatusCause[] {
  if (item['type'] !== 'Pod') return [];
  return ['default', 'defaultRequest']
    .filter((field) => Object.keys(record(item[field])).length > 0)
    .map((field) => ({
      reason: 'FieldValueForbidden',
      message: "Forbidden: may not be specified when `type` is 'Pod'",
      field: `${path}.${field}`,
    }));
}

const standardTypes = ['Pod', 'Container', 'PersistentVolumeClaim'];

/** An item's type must be a standard one (or a qualified name with a prefix), each used once. */
function typeCauses(item: Json, path: string, seen: Set<unknown>): StatusCause[] {
  const type = item['type'];
  const causes: StatusCause[] = [];
  if (typeof type !== 'string' || (!type.includes('/') && !standardTypes.includes(type))) {
    const detail = 'must be a standard limit type or fully qualified';
    causes.push(invalidValue(`${path}.type`, type, detail));
  }
  if (seen.has(type)) {
    const message = `Duplicate value: ${JSON.stringify(type)}`;
    causes.push({ reason: 'FieldValueDuplicate', message, field: `${path}.type` });
  }
  seen.add(type);
  return causes;
}

function validateLimitRange(object: KubeObject): StatusCause[] {
  const limits = record(object['spec'])['limits'];
  if (!Array.isArray(limits)) return [];
  const seen = new Set<unknown>();
  return limits.flatMap((item: unknown, index) => {
    const path = `spec.limits[${index}]`;
    if (!isRecord(item)) return [];
    return [
      ...typeCauses(item, path, seen),
      ...podItemCauses(item, path),
      ...itemCauses(item, path),
    ];
  });
}

/** LimitRange: Container items get their defaults from max and min; contradictory bounds are invalid. */
export const limitRangeHooks: KindHooks = {
  defaultCreate: defaultLimitRange,
  defaultUpdate: defaultLimitRange,
  validate: validateLimitRange,
};
