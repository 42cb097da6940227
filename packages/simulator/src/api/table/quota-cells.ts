// Table columns and cells of LimitRanges and ResourceQuotas, as kube-apiserver's printers show them.
import type { KubeObject } from '../types.ts';
import { canonical } from '../../kinds/quantities.ts';
import { columns } from './columns.ts';
import type { ColumnDefinition } from './columns.ts';
import { age } from './human-duration.ts';
import { recordAt } from './json-path.ts';
import type { Cells } from './workload-cells.ts';

/** Columns by kind. */
export const quotaColumns: Readonly<Record<string, readonly ColumnDefinition[]>> = {
  LimitRange: columns(['Name'], ['Created At', 'date']),
  ResourceQuota: columns(['Name'], ['Age'], ['Request'], ['Limit']),
};

/** `used/hard` of each resource, sorted by name; `limits.*` go to the Limit column. */
function usageColumns(quota: KubeObject): [request: string, limit: string] {
  const hard = recordAt(quota, 'status.hard');
  const used = recordAt(quota, 'status.used');
  const request: string[] = [];
  const limit: string[] = [];
  for (const key of Object.keys(recordAt(quota, 'spec.hard')).sort()) {
    const cell = `${key}: ${canonical(used[key] ?? '0')}/${canonical(hard[key] ?? '0')}`;
    (key.startsWith('limits.') ? limit : request).push(cell);
  }
  return [request.join(', '), limit.join(', ')];
}

/** Cell printers by kind. */
export const quotaPrinters: Readonly<Record<string, (object: KubeObject, now: number) => Cells>> = {
  // The printer shows the creation time itself (RFC 3339, UTC), not an age.
  LimitRange: (range) => [
    range.metadata.name ?? '',
    new Date(range.metadata.creationTimestamp ?? 0).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  ],
  ResourceQuota: (quota, now) => [
    quota.metadata.name ?? '',
    age(quota.metadata.creationTimestamp, now),
    ...usageColumns(quota),
  ],
};
