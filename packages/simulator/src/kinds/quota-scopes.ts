// Which objects a scoped ResourceQuota covers, as v1.32's pod evaluator (podMatchesScopeFunc)
// decides: a quota covers an object only when the object matches every one of its scopes.
import { isRecord } from '../api/types.ts';
import type { KubeObject } from '../api/types.ts';
import { record } from './defaulting.ts';
import type { Json } from './defaulting.ts';
import { qosClass } from './pod-spec.ts';
import { totalUsage } from './quota-usage.ts';
import type { Usage } from './quota-usage.ts';

/** One scope requirement: `spec.scopes` entries become Exists, as the admission plugin reads them. */
interface ScopeRequirement {
  readonly scopeName: unknown;
  readonly operator: unknown;
  readonly values: readonly unknown[];
}

/** The quota's scopes, then its scopeSelector's match expressions; all must match. */
function requirementsOf(quota: KubeObject): ScopeRequirement[] {
  const spec = record(quota['spec']);
  const scopes: unknown[] = Array.isArray(spec['scopes']) ? spec['scopes'] : [];
  const fromScopes = scopes.map((scopeName) => ({ scopeName, operator: 'Exists', values: [] }));
  const expressions = record(spec['scopeSelector'])['matchExpressions'];
  const fromSelector = (Array.isArray(expressions) ? expressions : [])
    .filter(isRecord)
    .map((e) => ({
      scopeName: e['scopeName'],
      operator: e['operator'],
      values: Array.isArray(e['values']) ? e['values'] : [],
    }));
  return [...fromScopes, ...fromSelector];
}

/** A pod "terminates" when it has a deadline: the scope exists to split batch from serving pods. */
function isTerminating(spec: Json): boolean {
  const deadline = spec['activeDeadlineSeconds'];
  return typeof deadline === 'number' && deadline >= 0;
}

/** The recorded QoS class wins (GetPodQOS reads status first); a draft pod gets it computed. */
function isBestEffort(pod: KubeObject, spec: Json): boolean {
  const recorded = record(pod['status'])['qosClass'];
  return (typeof recorded === 'string' ? recorded : qosClass(spec)) === 'BestEffort';
}

/**
 * The PriorityClass scope as a label selector on the single label `PriorityClass`, present only
 * when the pod names a class: so NotIn and DoesNotExist also match pods without one.
 */
function priorityMatches(spec: Json, requirement: ScopeRequirement): boolean {
  const name = typeof spec['priorityClassName'] === 'string' ? spec['priorityClassName'] : '';
  const isListed = name !== '' && requirement.values.includes(name);
  switch (requirement.operator) {
    case 'In':
      return isListed;
    case 'NotIn':
      return !isListed;
    case 'Exists':
      return name !== '';
    case 'DoesNotExist':
      return name === '';
    default:
      return false;
  }
}

function termsReachOut(terms: unknown): boolean {
  if (!Array.isArray(terms)) return false;
  return terms.filter(isRecord).some((term) => {
    const inner = isRecord(term['podAffinityTerm']) ? term['podAffinityTerm'] : term;
    const namespaces = inner['namespaces'];
    const hasNamespaces = Array.isArray(namespaces) && namespaces.length > 0;
    return hasNamespaces || isRecord(inner['namespaceSelector']);
  });
}

/** Whether any pod (anti-)affinity term looks beyond the pod's namespace. */
function usesCrossNamespaceAffinity(spec: Json): boolean {
  const affinity = record(spec['affinity']);
  return ['podAffinity', 'podAntiAffinity'].some((field) => {
    const rules = record(affinity[field]);
    return (
      termsReachOut(rules['requiredDuringSchedulingIgnoredDuringExecution']) ||
      termsReachOut(rules['preferredDuringSchedulingIgnoredDuringExecution'])
    );
  });
}

function podMatches(pod: KubeObject, requirement: ScopeRequirement): boolean {
  const spec = record(pod['spec']);
  switch (requirement.scopeName) {
    case 'Terminating':
      return isTerminating(spec);
    case 'NotTerminating':
      return !isTerminating(spec);
    case 'BestEffort':
      return isBestEffort(pod, spec);
    case 'NotBestEffort':
      return !isBestEffort(pod, spec);
    case 'PriorityClass':
      return priorityMatches(spec, requirement);
    case 'CrossNamespacePodAffinity':
      return usesCrossNamespaceAffinity(spec);
    default:
      return false;
  }
}

/**
 * Whether `quota` counts and constrains `object` of `kind`: an unscoped quota covers everything;
 * scopes only describe pods, so a scoped quota covers no object of another kind.
 */
export function isCovered(kind: string, quota: KubeObject, object: KubeObject): boolean {
  const requirements = requirementsOf(quota);
  if (requirements.length === 0) return true;
  return kind === 'Pod' && requirements.every((requirement) => podMatches(object, requirement));
}

/** What the `objects` of `kind` that `quota` covers use, for its status and its admission check. */
export function coveredUsage(
  kind: string,
  quota: KubeObject,
  objects: readonly KubeObject[],
): Usage {
  return totalUsage(
    kind,
    objects.filter((object) => isCovered(kind, quota, object)),
  );
}
