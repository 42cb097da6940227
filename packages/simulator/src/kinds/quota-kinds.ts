// ResourceQuota validation of scopes and scope selectors, as v1.32's ValidateResourceQuotaSpec
// words it (values printed as Go's %#v of the internal types, as the real messages show them).
import { isRecord } from '../api/types.ts';
import type { KubeObject } from '../api/types.ts';
import type { StatusCause } from '../api/status.ts';
import { record } from './defaulting.ts';
import type { Json } from './defaulting.ts';
import { required } from './kind-hooks.ts';
import type { KindHooks } from './kind-hooks.ts';

const standardScopes = [
  'Terminating',
  'NotTerminating',
  'BestEffort',
  'NotBestEffort',
  'PriorityClass',
  'CrossNamespacePodAffinity',
];

const standardQuotaResources = [
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.storage',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
  'resourcequotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'persistentvolumeclaims',
  'configmaps',
  'services.nodeports',
  'services.loadbalancers',
];

const podComputeResources = [
  'cpu',
  'memory',
  'limits.cpu',
  'limits.memory',
  'requests.cpu',
  'requests.memory',
];

const conflictingPairs = [
  ['BestEffort', 'NotBestEffort'],
  ['Terminating', 'NotTerminating'],
];

const pathOfExpressions = 'spec.scopeSelector.matchExpressions';

/** Only standard names are checked against scopes; `count/…` and extended names pass. */
function isStandardResource(name: string): boolean {
  return standardQuotaResources.includes(name) || /^(requests\.)?hugepages-/.test(name);
}

/** Scopes describe pods, so they may only limit pod resources (BestEffort pods request none). */
function isValidFor(scope: unknown, resource: string): boolean {
  if (scope === 'BestEffort') return resource === 'pods';
  if (!standardScopes.includes(String(scope))) return true;
  return resource === 'pods' || podComputeResources.includes(resource);
}

function goQuoted(value: unknown): string {
  return JSON.stringify(typeof value === 'string' ? value : '');
}

/** Go's %#v of a slice of string-like values: nil when absent. */
function goSlice(type: string, list: unknown): string {
  if (!Array.isArray(list)) return `[]${type}(nil)`;
  return `[]${type}{${list.map(goQuoted).join(', ')}}`;
}

function goSelector(expressions: unknown): string {
  const type = 'core.ScopedResourceSelectorRequirement';
  if (!Array.isArray(expressions)) return `core.ScopeSelector{MatchExpressions:[]${type}(nil)}`;
  const shown = expressions.map((e: unknown) => {
    const item = record(e);
    const fields = `ScopeName:${goQuoted(item['scopeName'])}, Operator:${goQuoted(item['operator'])}`;
    return `${type}{${fields}, Values:${goSlice('string', item['values'])}}`;
  });
  return `core.ScopeSelector{MatchExpressions:[]${type}{${shown.join(', ')}}}`;
}

function invalid(field: string, shown: string, detail: string): StatusCause {
  return { reason: 'FieldValueInvalid', message: `Invalid value: ${shown}: ${detail}`, field };
}

/** Conflicting pairs (BestEffort/NotBestEffort, Terminating/NotTerminating) among `names`. */
function conflicts(names: readonly unknown[]): number {
  return conflictingPairs.filter((pair) => pair.every((scope) => names.includes(scope))).length;
}

/** Hard resources a scope may not limit, one per error the real validation reports. */
function misapplied(scope: unknown, hard: readonly string[]): string[] {
  return hard.filter((key) => isStandardResource(key) && !isValidFor(scope, key));
}

/** Per scope: is it known, may it limit each hard resource; then conflicting pairs. */
function scopesCauses(spec: Json, hard: readonly string[]): StatusCause[] {
  const scopes = Array.isArray(spec['scopes']) ? spec['scopes'] : [];
  if (scopes.length === 0) return [];
  const details: string[] = [];
  for (const scope of scopes) {
    if (!standardScopes.includes(String(scope))) details.push('unsupported scope');
    const count = misapplied(scope, hard).length;
    details.push(...Array<string>(count).fill('unsupported scope applied to resource'));
  }
  for (let i = conflicts(scopes); i > 0; i--) details.push('conflicting scopes');
  const shown = goSlice('core.ResourceQuotaScope', spec['scopes']);
  return details.map((detail) => invalid('spec.scopes', shown, detail));
}

const existsOnly =
  "must be 'Exists' when scope is any of ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity";

/** The operator must suit the scope, and values must be there exactly for In and NotIn. */
function operatorCauses(item: Json): StatusCause[] {
  const { scopeName, operator } = item;
  const values = Array.isArray(item['values']) ? item['values'] : [];
  const causes: StatusCause[] = [];
  if (scopeName !== 'PriorityClass' && standardScopes.includes(String(scopeName))) {
    if (operator !== 'Exists')
      causes.push(invalid(`${pathOfExpressions}.operator`, goQuoted(operator), existsOnly));
  }
  if (operator === 'In' || operator === 'NotIn') {
    if (values.length === 0) {
      const detail =
        "must be at least one value when `operator` is 'In' or 'NotIn' for scope selector";
      causes.push(required(`${pathOfExpressions}.values`, detail));
    }
  } else if (operator === 'Exists' || operator === 'DoesNotExist') {
    if (values.length > 0) {
      const detail =
        "must be no value when `operator` is 'Exist' or 'DoesNotExist' for scope selector";
      causes.push(invalid(`${pathOfExpressions}.values`, goSlice('string', values), detail));
    }
  } else {
    const detail = 'not a valid selector operator';
    causes.push(invalid(`${pathOfExpressions}.operator`, goQuoted(operator), detail));
  }
  return causes;
}

function selectorCauses(spec: Json, hard: readonly string[]): StatusCause[] {
  if (!isRecord(spec['scopeSelector'])) return [];
  const expressions = spec['scopeSelector']['matchExpressions'];
  const items = (Array.isArray(expressions) ? expressions : []).map((e: unknown) => record(e));
  const causes: StatusCause[] = [];
  for (const item of items) {
    const scopeName = item['scopeName'];
    if (!standardScopes.includes(String(scopeName))) {
      const field = `${pathOfExpressions}.scopeName`;
      causes.push(invalid(field, goQuoted(scopeName), 'unsupported scope'));
    }
    const detail = 'unsupported scope applied to resource';
    const cause = invalid(pathOfExpressions, goSelector(expressions), detail);
    causes.push(...misapplied(scopeName, hard).map(() => cause));
    causes.push(...operatorCauses(item));
  }
  const shownScopes = goSlice('core.ResourceQuotaScope', spec['scopes']);
  for (let i = conflicts(items.map((item) => item['scopeName'])); i > 0; i--)
    causes.push(invalid(pathOfExpressions, shownScopes, 'conflicting scopes'));
  return causes;
}

function validateResourceQuota(object: KubeObject): StatusCause[] {
  const spec = record(object['spec']);
  const hard = Object.keys(record(spec['hard'])).sort();
  return [...scopesCauses(spec, hard), ...selectorCauses(spec, hard)];
}

/** ResourceQuota: scopes and scope selectors are validated as a v1.32 API server does. */
export const resourceQuotaHooks: KindHooks = { validate: validateResourceQuota };
