// What ResourceQuota counts, as kube-controller-manager's and the admission plugin's evaluators do:
// pods and their compute requests and limits, and numbers of config maps, secrets and services.
import type { KubeObject } from '../api/types.ts';
import { record } from './defaulting.ts';
import { podTotals } from './pod-usage.ts';
import { amountOf, formatAmount } from './quantities.ts';
import type { Amount } from './quantities.ts';

/** A resource list with amounts, keyed by quota resource name. */
export type Usage = Map<string, Amount>;

/** Kinds counted by object, with the legacy and `count/` names a quota may use for them. */
const countedKinds: Readonly<Record<string, string>> = {
  Pod: 'pods',
  ConfigMap: 'configmaps',
  Secret: 'secrets',
  Service: 'services',
};

/** The kinds whose objects quotas count. */
export const quotaKinds: readonly string[] = Object.keys(countedKinds);

const one: Amount = { value: 1, isBinary: false };

/** Pods in Succeeded or Failed hold nothing: quota counts only pods that may still run. */
function isTerminal(pod: KubeObject): boolean {
  const phase = record(pod['status'])['phase'];
  return phase === 'Succeeded' || phase === 'Failed';
}

function podUsage(pod: KubeObject): Usage {
  if (isTerminal(pod)) return new Map();
  const usage: Usage = new Map([
    ['pods', one],
    ['count/pods', one],
  ]);
  const spec = record(pod['spec']);
  for (const [key, amount] of podTotals(spec, 'requests')) {
    if (key !== 'cpu' && key !== 'memory') continue;
    usage.set(key, amount);
    usage.set(`requests.${key}`, amount);
  }
  for (const [key, amount] of podTotals(spec, 'limits')) {
    if (key === 'cpu' || key === 'memory') usage.set(`limits.${key}`, amount);
  }
  return usage;
}

/** What one object of `kind` adds to a quota's usage. */
export function usageOf(kind: string, object: KubeObject): Usage {
  if (kind === 'Pod') return podUsage(object);
  const plural = countedKinds[kind];
  if (plural === undefined) return new Map();
  return new Map([
    [plural, one],
    [`count/${plural}`, one],
  ]);
}

/** Whether a quota with `resource` in its hard limits constrains objects of `kind`. */
export function tracks(kind: string, resource: string): boolean {
  const plural = countedKinds[kind];
  if (plural === undefined) return false;
  if (resource === plural || resource === `count/${plural}`) return true;
  return kind === 'Pod' && /^((requests|limits)\.)?(cpu|memory)$/.test(resource);
}

/** `a` plus `b`, each sum keeping the first amount's form. */
export function addUsage(a: Usage, b: Usage): Usage {
  const sum: Usage = new Map(a);
  for (const [key, amount] of b) {
    const before = sum.get(key);
    sum.set(key, before ? { ...before, value: before.value + amount.value } : amount);
  }
  return sum;
}

/** The usage of `objects` of `kind`. */
export function totalUsage(kind: string, objects: readonly KubeObject[]): Usage {
  return objects.reduce<Usage>((sum, object) => addUsage(sum, usageOf(kind, object)), new Map());
}

/** A quantity of `usage` as the API prints it; absent is zero. */
export function shown(usage: Usage, key: string): string {
  return formatAmount(usage.get(key) ?? { value: 0, isBinary: false });
}

/** A quota's hard limits as amounts. */
export function hardOf(quota: KubeObject): Usage {
  const hard = record(record(quota['spec'])['hard']);
  return new Map(Object.entries(hard).map(([key, value]) => [key, amountOf(value)]));
}
