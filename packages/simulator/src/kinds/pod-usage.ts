// What a pod asks for in total, as resourcehelper.PodRequests/PodLimits count it for LimitRanger and quota.
import { isRecord } from '../api/types.ts';
import { record } from './defaulting.ts';
import type { Json } from './defaulting.ts';
import { amountOf, formatAmount } from './quantities.ts';
import type { Amount } from './quantities.ts';

type Totals = Map<string, Amount>;

function bucketsOf(spec: Json, field: string, bucket: 'requests' | 'limits'): Json[] {
  const list = spec[field];
  if (!Array.isArray(list)) return [];
  return list.filter(isRecord).map((c) => record(record(c['resources'])[bucket]));
}

/** Adds `quantity` to `totals[key]`, keeping the first quantity's binary or decimal form, as Go's Add does. */
function add(totals: Totals, key: string, quantity: unknown): void {
  const amount = amountOf(quantity);
  const before = totals.get(key);
  totals.set(key, before ? { ...before, value: before.value + amount.value } : amount);
}

/**
 * The pod's requests or limits per resource: its containers' sum, raised to any init container's
 * own amount (init containers run one at a time, before the others).
 */
export function podTotals(spec: Json, bucket: 'requests' | 'limits'): Totals {
  const totals: Totals = new Map();
  for (const resources of bucketsOf(spec, 'containers', bucket)) {
    for (const [key, quantity] of Object.entries(resources)) add(totals, key, quantity);
  }
  for (const resources of bucketsOf(spec, 'initContainers', bucket)) {
    for (const [key, quantity] of Object.entries(resources)) {
      const amount = amountOf(quantity);
      if (amount.value > (totals.get(key)?.value ?? -Infinity)) totals.set(key, amount);
    }
  }
  return totals;
}

/** `podTotals` as quantity strings. */
export function podUsage(spec: Json, bucket: 'requests' | 'limits'): Record<string, string> {
  const totals = podTotals(spec, bucket);
  return Object.fromEntries([...totals].map(([key, amount]) => [key, formatAmount(amount)]));
}
