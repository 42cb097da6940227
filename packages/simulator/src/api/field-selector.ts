// Field selectors (`metadata.name=x,spec.nodeName!=n1`) over the fields each kind supports.
import type { ResourceType } from './resource-types.ts';
import { badRequest } from './status.ts';
import { isRecord } from './types.ts';
import type { KubeObject } from './types.ts';

/** A predicate over whole objects. */
export type FieldMatcher = (object: KubeObject) => boolean;

const commonFields = ['metadata.name', 'metadata.namespace'];

/** Extra selectable fields per kind, as the real API server registers them. */
const kindFields: Readonly<Record<string, readonly string[]>> = {
  Pod: [
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'status.phase',
    'status.podIP',
    'status.nominatedNodeName',
    'spec.hostNetwork',
  ],
  Event: [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
  Secret: ['type'],
  Namespace: ['status.phase'],
  Node: ['spec.unschedulable'],
  ReplicaSet: ['status.replicas'],
};

function fieldValue(object: KubeObject, path: string): string {
  let current: unknown = object;
  for (const part of path.split('.')) current = isRecord(current) ? current[part] : undefined;
  if (path === 'source' && isRecord(object['source'])) current = object['source']['component'];
  return current === undefined || current === null
    ? ''
    : JSON.stringify(current).replace(/^"|"$/g, '');
}

interface Term {
  readonly field: string;
  readonly value: string;
  readonly isNegated: boolean;
}

function parseTerm(type: ResourceType, term: string): Term {
  const match = /^([\w.]+)\s*(==|=|!=)\s*(.*)$/.exec(term.trim());
  if (!match) throw badRequest(`invalid selector: '${term}'; can't understand '${term}'`);
  const field = match[1] ?? '';
  const allowed = [...commonFields, ...(kindFields[type.kind] ?? [])];
  if (!allowed.includes(field)) {
    throw badRequest(`field label not supported: ${field}`);
  }
  return { field, value: match[3] ?? '', isNegated: match[2] === '!=' };
}

/** Parses a field selector for `type`, or 400 naming the unsupported field. */
export function parseFieldSelector(
  type: ResourceType,
  selector: string | null | undefined,
): FieldMatcher {
  const terms = (selector ?? '')
    .split(',')
    .filter((term) => term.trim().length > 0)
    .map((term) => parseTerm(type, term));
  return (object) =>
    terms.every((term) => (fieldValue(object, term.field) === term.value) !== term.isNegated);
}
