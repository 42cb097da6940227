// Strategic merge patch for the built-in kinds: a merge patch whose known lists merge by key.
import { omit } from './omit.ts';
import { isRecord } from './types.ts';

/** List fields that merge item by item, and the key that identifies an item (as in the Go types). */
const mergeKeys: Readonly<Record<string, string>> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  ports: 'containerPort',
  imagePullSecrets: 'name',
  conditions: 'type',
  tolerations: 'key',
  ownerReferences: 'uid',
};

function mergeList(target: unknown[], patch: unknown[], key: string): unknown[] {
  const result = [...target];
  for (const item of patch) {
    if (!isRecord(item)) continue;
    const index = result.findIndex((existing) => isRecord(existing) && existing[key] === item[key]);
    if (item['$patch'] === 'delete') {
      if (index >= 0) result.splice(index, 1);
    } else if (index >= 0) result[index] = strategicMerge(result[index], item);
    else result.push(item);
  }
  return result;
}

function mergeField(field: string, current: unknown, value: unknown): unknown {
  const key = mergeKeys[field];
  const isKeyedList = key !== undefined && Array.isArray(current) && Array.isArray(value);
  if (
    isKeyedList &&
    field === 'ports' &&
    value.some((port) => isRecord(port) && !('containerPort' in port))
  ) {
    return mergeList(current, value, 'port');
  }
  return isKeyedList ? mergeList(current, value, key) : strategicMerge(current, value);
}

/** Applies a strategic merge patch; `$patch: replace` and `$patch: delete` on objects are honoured. */
export function strategicMerge(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return patch;
  if (patch['$patch'] === 'replace') {
    return omit(patch, '$patch');
  }
  const result: Record<string, unknown> = isRecord(target) ? { ...target } : {};
  for (const [field, value] of Object.entries(patch)) {
    if (field.startsWith('$')) continue;
    if (value === null || (isRecord(value) && value['$patch'] === 'delete')) delete result[field];
    else result[field] = mergeField(field, result[field], value);
  }
  return result;
}
