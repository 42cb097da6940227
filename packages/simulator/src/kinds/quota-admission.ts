// The ResourceQuota admission plugin on create: refuses an object that would take a namespace's
// usage over a quota's hard limit, or a pod that leaves unset a compute resource a quota constrains.
import { isRecord } from '../api/types.ts';
import type { KubeObject } from '../api/types.ts';
import { KubeError } from '../api/status.ts';
import type { ResourceType } from '../api/resource-types.ts';
import { record } from './defaulting.ts';
import { typeOfKind } from '../api/resource-types.ts';
import type { HookContext } from './kind-hooks.ts';
import { addUsage, hardOf, quotaKinds, shown, tracks, usageOf } from './quota-usage.ts';
import type { Usage } from './quota-usage.ts';
import { coveredUsage, isCovered } from './quota-scopes.ts';

/** What the check reads: the namespace's quotas and its objects of the created kind. */
export interface QuotaView {
  readonly quotas: readonly KubeObject[];
  readonly objects: readonly KubeObject[];
}

const computeResources = [
  'cpu',
  'memory',
  'requests.cpu',
  'requests.memory',
  'limits.cpu',
  'limits.memory',
];

function containerResources(container: KubeObject | Record<string, unknown>): Set<string> {
  const resources = record(container['resources']);
  const names = new Set<string>();
  for (const key of Object.keys(record(resources['requests'])))
    names.add(key).add(`requests.${key}`);
  for (const key of Object.keys(record(resources['limits']))) names.add(`limits.${key}`);
  return names;
}

/** The pod evaluator's Constraints: each container must set every compute resource a quota tracks. */
function missingMessage(pod: KubeObject, tracked: readonly string[]): string | undefined {
  const required = tracked.filter((name) => computeResources.includes(name));
  const spec = record(pod['spec']);
  const containers = ['containers', 'initContainers'].flatMap((field) => {
    const list = spec[field];
    return Array.isArray(list) ? list.filter(isRecord) : [];
  });
  const missing = new Map<string, Set<string>>();
  for (const container of containers) {
    const own = containerResources(container);
    for (const name of required.filter((r) => !own.has(r))) {
      missing.set(name, (missing.get(name) ?? new Set()).add(String(container['name'])));
    }
  }
  if (missing.size === 0) return undefined;
  const parts = [...missing.keys()].sort().map((name) => {
    const holders = [...(missing.get(name) ?? [])].sort().join(',');
    return `${name} for: ${holders}`;
  });
  return `must specify ${parts.join('; ')}`;
}

function listed(usage: Usage, keys: readonly string[]): string {
  return keys.map((key) => `${key}=${shown(usage, key)}`).join(',');
}

function forbidden(type: ResourceType, name: string, text: string): KubeError {
  const message = `${type.plural} "${name}" is forbidden: ${text}`;
  return new KubeError(403, 'Forbidden', message, { name, kind: type.plural });
}

function checkOne(type: ResourceType, object: KubeObject, quota: KubeObject, used: Usage): void {
  const hard = hardOf(quota);
  const tracked = [...hard.keys()].filter((key) => tracks(type.kind, key)).sort();
  if (tracked.length === 0) return;
  const quotaName = quota.metadata.name ?? '';
  const name = object.metadata.name ?? '';
  const missing = type.kind === 'Pod' ? missingMessage(object, tracked) : undefined;
  if (missing) throw forbidden(type, name, `failed quota: ${quotaName}: ${missing}`);
  const delta = usageOf(type.kind, object);
  const requested: Usage = new Map(
    tracked.flatMap((key) => {
      const amount = delta.get(key);
      return amount && amount.value !== 0 ? [[key, amount] as const] : [];
    }),
  );
  const after = addUsage(used, requested);
  const exceeded = [...requested.keys()].filter(
    (key) => (after.get(key)?.value ?? 0) > (hard.get(key)?.value ?? 0),
  );
  if (exceeded.length === 0) return;
  const text = `exceeded quota: ${quotaName}, requested: ${listed(requested, exceeded)}, used: ${listed(used, exceeded)}, limited: ${listed(hard, exceeded)}`;
  throw forbidden(type, name, text);
}

/**
 * Refuses (403) creating `object` when a quota of its namespace forbids it, as kube-apiserver words
 * it. Only quotas whose scopes the object matches apply, each against the objects it covers.
 */
export function checkQuotas(type: ResourceType, object: KubeObject, view: QuotaView): void {
  for (const quota of view.quotas) {
    if (!isCovered(type.kind, quota, object)) continue;
    checkOne(type, object, quota, coveredUsage(type.kind, quota, view.objects));
  }
}

const quotaType = typeOfKind('', 'ResourceQuota');

/** The ResourceQuota step of a create, for the core kinds quotas count; others pass. */
export function admitQuota(type: ResourceType, object: KubeObject, context: HookContext): void {
  const namespace = object.metadata.namespace;
  if (type.group !== '' || !quotaKinds.includes(type.kind) || namespace === undefined) return;
  const quotas = context.listIn(quotaType, namespace);
  if (quotas.length === 0) return;
  checkQuotas(type, object, { quotas, objects: context.listIn(type, namespace) });
}
