// Matching one RBAC PolicyRule against a request, as the RBAC authorizer's RuleAllows does.
import { isRecord } from '../api/types.ts';
import type { RequestAttributes, ResourceAttributes } from './request-attributes.ts';

/** A PolicyRule as stored in a Role or ClusterRole. */
export interface PolicyRule {
  readonly verbs: readonly string[];
  readonly apiGroups?: readonly string[];
  readonly resources?: readonly string[];
  readonly resourceNames?: readonly string[];
  readonly nonResourceURLs?: readonly string[];
}

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

/** The rules of a role object, skipping malformed entries. */
export function rulesOf(role: unknown): PolicyRule[] {
  const rules = isRecord(role) && Array.isArray(role['rules']) ? role['rules'] : [];
  return rules.filter(isRecord).map((rule) => ({
    verbs: strings(rule['verbs']) ?? [],
    apiGroups: strings(rule['apiGroups']),
    resources: strings(rule['resources']),
    resourceNames: strings(rule['resourceNames']),
    nonResourceURLs: strings(rule['nonResourceURLs']),
  }));
}

function hasOrStar(list: readonly string[] | undefined, value: string): boolean {
  return (list ?? []).some((item) => item === '*' || item === value);
}

function resourceMatches(rule: PolicyRule, attributes: ResourceAttributes): boolean {
  const { resource, subresource } = attributes;
  const combined = subresource ? `${resource}/${subresource}` : resource;
  return (rule.resources ?? []).some(
    (item) =>
      item === '*' ||
      item === combined ||
      (subresource !== '' && item === `*/${subresource}`) ||
      (subresource !== '' && item === `${resource}/*`),
  );
}

function nameMatches(rule: PolicyRule, name: string): boolean {
  const names = rule.resourceNames ?? [];
  return names.length === 0 || names.includes(name);
}

function urlMatches(rule: PolicyRule, path: string): boolean {
  return (rule.nonResourceURLs ?? []).some(
    (url) =>
      url === '*' || url === path || (url.endsWith('*') && path.startsWith(url.slice(0, -1))),
  );
}

/** True when `rule` allows the request. */
export function ruleAllows(rule: PolicyRule, attributes: RequestAttributes): boolean {
  if (!hasOrStar(rule.verbs, attributes.verb)) return false;
  if (!attributes.isResourceRequest) return urlMatches(rule, attributes.path);
  return (
    hasOrStar(rule.apiGroups, attributes.apiGroup) &&
    resourceMatches(rule, attributes) &&
    nameMatches(rule, attributes.name)
  );
}
