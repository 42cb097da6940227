// The LimitRanger admission plugin on pod creation: a namespace's LimitRanges default containers'
// requests and limits, then refuse pods outside their min, max and limit/request ratio.
import { isRecord } from '../api/types.ts';
import type { KubeObject } from '../api/types.ts';
import { KubeError } from '../api/status.ts';
import { record } from './defaulting.ts';
import type { Json } from './defaulting.ts';
import { podUsage } from './pod-usage.ts';
import { amountOf, formatAmount } from './quantities.ts';

type Resources = Readonly<Record<string, unknown>>;
const containerFields = [
  ['containers', 'container'],
  ['initContainers', 'init container'],
] as const;

function itemsOf(range: KubeObject, type: string): Json[] {
  const limits = record(range['spec'])['limits'];
  return Array.isArray(limits)
    ? limits.filter(isRecord).filter((item) => item['type'] === type)
    : [];
}

function containersOf(spec: Json, field: string): Json[] {
  const list = spec[field];
  return Array.isArray(list) ? list.filter(isRecord) : [];
}

/** Fills what `container` lacks from the range's defaults; `notes` gets what was set, as the annotation says it. */
function withDefaults(container: Json, defaults: Json, notes: string[], label: string): Json {
  const resources = record(container['resources']);
  const result: Json = { ...resources };
  for (const [bucket, word] of [
    ['requests', 'request'],
    ['limits', 'limit'],
  ] as const) {
    const own = record(resources[bucket]);
    const added = Object.keys(record(defaults[bucket])).filter((key) => !(key in own));
    if (added.length === 0) continue;
    const filled: Json = { ...own };
    for (const key of added) filled[key] = record(defaults[bucket])[key];
    result[bucket] = filled;
    notes.push(`${added.sort().join(', ')} ${word} for ${label} ${String(container['name'])}`);
  }
  return { ...container, resources: result };
}

/** One range's defaults applied to every container and init container (PodMutateLimitFunc). */
function applyRange(pod: KubeObject, range: KubeObject): KubeObject {
  const defaults: Json = { requests: {}, limits: {} };
  for (const item of itemsOf(range, 'Container')) {
    Object.assign(record(defaults['requests']), record(item['defaultRequest']));
    Object.assign(record(defaults['limits']), record(item['default']));
  }
  const spec: Json = { ...record(pod['spec']) };
  const notes: string[] = [];
  for (const [field, label] of containerFields) {
    if (!Array.isArray(spec[field])) continue;
    spec[field] = containersOf(spec, field).map((c) => withDefaults(c, defaults, notes, label));
  }
  if (notes.length === 0) return pod;
  const annotations = {
    ...pod.metadata.annotations,
    'kubernetes.io/limit-ranger': `LimitRanger plugin set: ${notes.join('; ')}`,
  };
  return { ...pod, metadata: { ...pod.metadata, annotations }, spec };
}

/** `pod` with the defaults of each of its namespace's LimitRanges, in turn. */
export function withLimitRangeDefaults(pod: KubeObject, ranges: readonly KubeObject[]): KubeObject {
  return ranges.reduce(applyRange, pod);
}

interface Usage {
  readonly requests: Resources;
  readonly limits: Resources;
}

function usageOf(container: Json): Usage {
  const resources = record(container['resources']);
  return { requests: record(resources['requests']), limits: record(resources['limits']) };
}

const show = (value: unknown): string => formatAmount(amountOf(value));

function minError(type: string, key: string, bound: unknown, usage: Usage): string | undefined {
  const head = `minimum ${key} usage per ${type} is ${show(bound)}`;
  const request = usage.requests[key];
  const limit = usage.limits[key];
  const floor = amountOf(bound).value;
  if (request === undefined) return `${head}.  No request is specified`;
  if (amountOf(request).value < floor) return `${head}, but request is ${show(request)}`;
  if (limit !== undefined && amountOf(limit).value < floor)
    return `${head}, but limit is ${show(limit)}`;
  return undefined;
}

function maxError(type: string, key: string, bound: unknown, usage: Usage): string | undefined {
  const head = `maximum ${key} usage per ${type} is ${show(bound)}`;
  const request = usage.requests[key];
  const limit = usage.limits[key];
  const ceiling = amountOf(bound).value;
  if (limit === undefined) return `${head}.  No limit is specified`;
  if (amountOf(limit).value > ceiling) return `${head}, but limit is ${show(limit)}`;
  if (request !== undefined && amountOf(request).value > ceiling) {
    return `${head}, but request is ${show(request)}`;
  }
  return undefined;
}

function ratioError(type: string, key: string, bound: unknown, usage: Usage): string | undefined {
  const head = `${key} max limit to request ratio per ${type} is ${show(bound)}`;
  const request = amountOf(usage.requests[key]).value;
  const limit = amountOf(usage.limits[key]).value;
  if (request === 0) return `${head}, but no request is specified or request is 0`;
  if (limit === 0) return `${head}, but no limit is specified or limit is 0`;
  const ratio = limit / request;
  // Go prints the ratio with %f: six decimals.
  return ratio > amountOf(bound).value
    ? `${head}, but provided ratio is ${ratio.toFixed(6)}`
    : undefined;
}

const constraints = [
  ['min', minError],
  ['max', maxError],
  ['maxLimitRequestRatio', ratioError],
] as const;

function itemErrors(item: Json, usage: Usage): string[] {
  const type = String(item['type']);
  return constraints.flatMap(([field, check]) =>
    Object.entries(record(item[field]))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, bound]) => check(type, key, bound, usage))
      .filter((error) => error !== undefined),
  );
}

function rangeErrors(spec: Json, range: KubeObject): string[] {
  const containers = containerFields.flatMap(([field]) => containersOf(spec, field));
  const perContainer = itemsOf(range, 'Container').flatMap((item) =>
    containers.flatMap((container) => itemErrors(item, usageOf(container))),
  );
  const pod = { requests: podUsage(spec, 'requests'), limits: podUsage(spec, 'limits') };
  return [...perContainer, ...itemsOf(range, 'Pod').flatMap((item) => itemErrors(item, pod))];
}

/** Refuses `pod` (403) when one of the ranges' min, max or ratio is broken, as LimitRanger says it. */
export function checkLimitRanges(pod: KubeObject, ranges: readonly KubeObject[]): void {
  const name = pod.metadata.name ?? '';
  for (const range of ranges) {
    const errors = [...new Set(rangeErrors(record(pod['spec']), range))];
    if (errors.length === 0) continue;
    // Go's aggregate error: one message alone, several in brackets.
    const text = errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
    const message = `pods "${name}" is forbidden: ${text}`;
    throw new KubeError(403, 'Forbidden', message, { name, kind: 'pods' });
  }
}
