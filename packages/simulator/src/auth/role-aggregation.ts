// ClusterRole aggregation as kube-controller-manager's clusterrole-aggregation controller does it.
import { encodeManagers, managersOf } from '../api/apply/managed-fields.ts';
import type { Manager } from '../api/apply/managed-fields.ts';
import type { Registry } from '../api/registry.ts';
import { groupVersion } from '../api/resource-types.ts';
import { arrayAt } from '../api/table/json-path.ts';
import { isRecord } from '../api/types.ts';
import type { StoredObject } from '../api/types.ts';
import { timestamp } from '../clock.ts';
import type { Clock } from '../clock.ts';
import { matchesSelector } from '../controllers/selector.ts';
import { clusterRoleType } from './rbac-authorizer.ts';

/** The field manager the real controller applies `rules` as. */
export const aggregationManager = 'clusterrole-aggregation-controller';

const rulesField = '["f:rules"]';
const ruleFields = ['verbs', 'apiGroups', 'resources', 'resourceNames', 'nonResourceURLs'];

type Rule = Record<string, string[]>;

/** Whether `role` has an aggregationRule (the controller leaves roles without one alone). */
export function isAggregating(role: StoredObject): boolean {
  return isRecord(role['aggregationRule']);
}

/**
 * A rule as the controller writes it (the typed PolicyRule: its five fields, empty lists omitted
 * except `verbs`); the same text for two rules means Semantic.DeepEqual holds, which treats an empty
 * list and a missing one alike.
 */
function typedRule(rule: unknown): Rule {
  const typed: Rule = {};
  for (const field of ruleFields) {
    const values = arrayAt(rule, field).filter((v): v is string => typeof v === 'string');
    if (field === 'verbs' || values.length > 0) typed[field] = values;
  }
  return typed;
}

function sameRules(a: readonly Rule[], b: readonly Rule[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The rules `role` aggregates: per selector, the matching roles (itself excluded) sorted by name,
 * their rules appended in order unless an equal rule is already there.
 */
export function aggregatedRules(role: StoredObject, roles: readonly StoredObject[]): Rule[] {
  const byName = [...roles].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  const candidates = arrayAt(role, 'aggregationRule.clusterRoleSelectors').flatMap((selector) =>
    byName
      .filter((source) => source.metadata.name !== role.metadata.name)
      .filter((source) => matchesSelector(selector, source.metadata.labels))
      .flatMap((source) => arrayAt(source, 'rules').map(typedRule)),
  );
  const seen = new Set<string>();
  return candidates.filter((rule) => {
    const key = JSON.stringify(rule);
    const isNew = !seen.has(key);
    seen.add(key);
    return isNew;
  });
}

/**
 * The role after the controller's forced server-side apply of `rules`: it takes `rules` from every
 * other manager. An apply without rules (nothing selected) removes them only when the controller is
 * their sole owner, so rules a user created the role with stay until the controller first owns them.
 */
function appliedRole(role: StoredObject, rules: Rule[], time: string): StoredObject | undefined {
  const managers = managersOf(role);
  const isMine = (m: Manager) => m.manager === aggregationManager && m.operation === 'Apply';
  const mine = managers.find(isMine);
  const others = managers.filter((m) => !isMine(m));
  if (rules.length === 0) {
    const isSoleOwner =
      mine?.fields.has(rulesField) && !others.some((m) => m.fields.has(rulesField));
    if (!isSoleOwner) return undefined;
    const managedFields = encodeManagers(others);
    const cleared: StoredObject = { ...role, metadata: { ...role.metadata, managedFields } };
    delete cleared['rules'];
    return cleared;
  }
  const apiVersion = groupVersion(clusterRoleType);
  const fields = new Set([rulesField]);
  const me: Manager = { manager: aggregationManager, operation: 'Apply', apiVersion, time, fields };
  const stripped = others.map((m) => ({
    ...m,
    fields: new Set([...m.fields].filter((f) => f !== rulesField)),
  }));
  const managedFields = encodeManagers([...stripped, me]);
  return { ...role, rules, metadata: { ...role.metadata, managedFields } };
}

/** Brings the aggregated role `name` up to date; true when it changed. */
export function syncAggregatedRole(registry: Registry, clock: Clock, name: string): boolean {
  const role = registry.store.get(clusterRoleType, undefined, name);
  if (!role || !isAggregating(role)) return false;
  const rules = aggregatedRules(role, registry.store.list(clusterRoleType));
  if (sameRules(rules, arrayAt(role, 'rules').map(typedRule))) return false;
  const next = appliedRole(role, rules, timestamp(clock));
  if (!next) return false;
  registry.update(clusterRoleType, undefined, name, next);
  return true;
}

/** Names of the roles with an aggregationRule: the controller requeues them all on any change. */
export function aggregatingRoleNames(registry: Registry): string[] {
  return registry.store
    .list(clusterRoleType)
    .filter(isAggregating)
    .map((role) => role.metadata.name);
}

/** Aggregates every role until none changes, as the controller settles after the roles are seeded. */
export function aggregateAllRoles(registry: Registry, clock: Clock): void {
  const names = aggregatingRoleNames(registry);
  // Each pass carries rules one step further along a chain (view → edit → admin); a chain is at
  // most as long as there are aggregating roles.
  for (let pass = 0; pass <= names.length; pass++) {
    const changed = names.map((name) => syncAggregatedRole(registry, clock, name));
    if (!changed.includes(true)) return;
  }
}
