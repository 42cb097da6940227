// The resource quota controller: each ResourceQuota's status carries its hard limits and what its
// namespace uses of them now, recounted whenever a counted object comes, changes or goes.
import { typeOfKind } from '../api/resource-types.ts';
import type { StoredObject } from '../api/types.ts';
import { stableJson } from '../api/stable-json.ts';
import { recordAt } from '../api/table/json-path.ts';
import { canonical } from '../kinds/quantities.ts';
import { quotaKinds, shown } from '../kinds/quota-usage.ts';
import type { Usage } from '../kinds/quota-usage.ts';
import { coveredUsage } from '../kinds/quota-scopes.ts';
import type { Controller, ControllerDeps } from './controller-manager.ts';
import { keyOf, splitKey } from './kinds.ts';
import { writeStatus } from './owned-pods.ts';

const quotaType = typeOfKind('', 'ResourceQuota');
const countedTypes = quotaKinds.map((kind) => typeOfKind('', kind));

/** What the objects of the quota's namespace that match its scopes use. */
function quotaUsage(deps: ControllerDeps, quota: StoredObject): Usage {
  const usage: Usage = new Map();
  for (const type of countedTypes) {
    const objects = deps.registry.store.list(type, quota.metadata.namespace ?? '');
    for (const [key, amount] of coveredUsage(type.kind, quota, objects)) usage.set(key, amount);
  }
  return usage;
}

function sync(deps: ControllerDeps, quota: StoredObject): void {
  const specHard = recordAt(quota, 'spec.hard');
  const usage = quotaUsage(deps, quota);
  const keys = Object.keys(specHard).sort();
  const status = {
    hard: Object.fromEntries(keys.map((key) => [key, canonical(specHard[key])])),
    used: Object.fromEntries(keys.map((key) => [key, shown(usage, key)])),
  };
  if (stableJson(status) !== stableJson(quota['status'] ?? {})) {
    writeStatus(deps, quotaType, quota, status);
  }
}

/** The resource quota controller. */
export function quotaController(deps: ControllerDeps): Controller {
  return {
    name: 'resourcequota',
    keysFor: (event) => {
      if (event.resource === quotaType)
        return event.type === 'DELETED' ? [] : [keyOf(event.object)];
      if (!countedTypes.includes(event.resource)) return [];
      return deps.registry.store.list(quotaType, event.object.metadata.namespace).map(keyOf);
    },
    reconcile: (key) => {
      const [namespace, name] = splitKey(key);
      const quota = deps.registry.store.get(quotaType, namespace, name);
      if (quota) sync(deps, quota);
    },
  };
}
