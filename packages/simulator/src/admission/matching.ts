// Whether a webhook wants a write: its rules, then its namespace and object selectors, as kube-apiserver decides.
import type { KubeObject } from '../api/types.ts';
import { arrayAt, stringAt } from '../api/table/json-path.ts';
import { typeOfKind } from '../api/resource-types.ts';
import { matchesSelector } from '../controllers/selector.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { AdmissionAttributes } from './attributes.ts';
import type { Webhook } from './webhooks.ts';

const namespaceType = typeOfKind('', 'Namespace');

function listed(values: unknown[], wanted: string): boolean {
  return values.some((value) => value === '*' || value === wanted);
}

/** `pods`, `pods/status`, `*`, `*\/status`, `pods/*`: a rule's resource entry against the request's. */
function resourceMatches(entry: string, resource: string, subresource: string): boolean {
  const [ruleResource = '', ruleSubresource] = entry.split('/');
  const isResourceMatch = ruleResource === '*' || ruleResource === resource;
  if (ruleSubresource === undefined) return isResourceMatch && subresource === '';
  return isResourceMatch && (ruleSubresource === '*' || ruleSubresource === subresource);
}

function scopeMatches(scope: string, attributes: AdmissionAttributes): boolean {
  if (scope === 'Cluster') return !attributes.type.isNamespaced;
  if (scope === 'Namespaced') return attributes.type.isNamespaced;
  return true;
}

function ruleMatches(rule: unknown, attributes: AdmissionAttributes): boolean {
  const { type, operation } = attributes;
  const subresource = attributes.subresource ?? '';
  return (
    listed(arrayAt(rule, 'operations'), operation) &&
    listed(arrayAt(rule, 'apiGroups'), type.group) &&
    listed(arrayAt(rule, 'apiVersions'), type.version) &&
    arrayAt(rule, 'resources').some(
      (entry) => typeof entry === 'string' && resourceMatches(entry, type.plural, subresource),
    ) &&
    scopeMatches(stringAt(rule, 'scope', '*'), attributes)
  );
}

function labelsOf(object: KubeObject | undefined): Record<string, string> | undefined {
  return object?.metadata.labels;
}

/** Namespaced writes are judged by their namespace's labels, namespaces by their own, others always pass. */
function namespaceMatches(webhook: Webhook, attributes: AdmissionAttributes, store: ObjectStore) {
  const { type, namespace } = attributes;
  if (type.group === '' && type.kind === 'Namespace')
    return objectMatches(webhook.namespaceSelector, attributes);
  if (!type.isNamespaced || namespace === undefined) return true;
  const labels = store.get(namespaceType, undefined, namespace)?.metadata.labels;
  return matchesSelector(webhook.namespaceSelector, labels);
}

/** An object selector matches when either the new or the old object's labels satisfy it. */
function objectMatches(selector: unknown, attributes: AdmissionAttributes): boolean {
  return (
    matchesSelector(selector, labelsOf(attributes.object)) ||
    (attributes.oldObject !== undefined &&
      matchesSelector(selector, labelsOf(attributes.oldObject)))
  );
}

/** True when `webhook` is to be called for the write `attributes` describes. */
export function webhookApplies(
  webhook: Webhook,
  attributes: AdmissionAttributes,
  store: ObjectStore,
): boolean {
  return (
    webhook.rules.some((rule) => ruleMatches(rule, attributes)) &&
    namespaceMatches(webhook, attributes, store) &&
    objectMatches(webhook.objectSelector, attributes)
  );
}
