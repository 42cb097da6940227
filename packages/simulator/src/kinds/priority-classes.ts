// PriorityClass as kube-apiserver v1.32 has it: the system classes it creates at start-up, the
// names and values its validation reserves for them, and the Priority plugin's one-default rule.
import type { Registry } from '../api/registry.ts';
import { typeOfKind } from '../api/resource-types.ts';
import { KubeError } from '../api/status.ts';
import type { StatusCause } from '../api/status.ts';
import type { KubeObject } from '../api/types.ts';
import type { HookContext, KindHooks } from './kind-hooks.ts';

const priorityClassType = typeOfKind('scheduling.k8s.io', 'PriorityClass');

/** scheduling.HighestUserDefinablePriority: values above it belong to the system classes. */
export const highestUserDefinablePriority = 1000000000;

/** The classes the API server creates in every cluster (schedulingapiv1.SystemPriorityClasses). */
export const systemPriorityClasses = [
  {
    name: 'system-node-critical',
    value: 2000001000,
    description: 'Used for system critical pods that must not be moved from their current node.',
  },
  {
    name: 'system-cluster-critical',
    value: 2000000000,
    description:
      'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.',
  },
] as const;

function forbiddenField(field: string, detail: string): StatusCause {
  return { reason: 'FieldValueForbidden', message: `Forbidden: ${detail}`, field };
}

/** Why a `system-` name is not one of the system classes as they are defined, if it is not. */
function systemClassError(name: string, value: number, isGlobalDefault: boolean): string {
  const known = systemPriorityClasses.find((system) => system.name === name);
  if (known === undefined) return `${name} is not a known system priority class`;
  if (known.value !== value) return `value of ${name} PriorityClass must be ${known.value}`;
  if (isGlobalDefault) return `globalDefault of ${name} PriorityClass must be false`;
  return '';
}

/** ValidatePriorityClass's name and value rules (names are checked by the registry). */
function validatePriorityClass(object: KubeObject): StatusCause[] {
  const name = object.metadata.name ?? '';
  const value = typeof object['value'] === 'number' ? object['value'] : 0;
  if (name.startsWith('system-')) {
    const error = systemClassError(name, value, object['globalDefault'] === true);
    if (error === '') return [];
    const detail = `priority class names with 'system-' prefix are reserved for system use only. error: ${error}`;
    return [forbiddenField('metadata.name', detail)];
  }
  if (value <= highestUserDefinablePriority) return [];
  const detail = `maximum allowed value of a user defined priority is ${highestUserDefinablePriority}`;
  return [forbiddenField('value', detail)];
}

/**
 * The Priority plugin's check of a class marked globalDefault: refused while another class is the
 * default. It runs after validation on a real server, so an invalid object is left to validation.
 */
function admitGlobalDefault(object: KubeObject, context: HookContext | undefined): void {
  if (object['globalDefault'] !== true || validatePriorityClass(object).length > 0) return;
  const name = object.metadata.name ?? '';
  const current = context?.priorityClass();
  if (current === undefined || current.metadata.name === name) return;
  const message = `priorityclasses.scheduling.k8s.io "${name}" is forbidden: PriorityClass ${current.metadata.name ?? ''} is already marked as default. Only one default can exist`;
  const details = { name, group: 'scheduling.k8s.io', kind: 'priorityclasses' };
  throw new KubeError(403, 'Forbidden', message, details);
}

/** PriorityClass: defaults, validation and the one-default rule. */
export const priorityClassHooks: KindHooks = {
  defaultCreate: (object, context) => {
    // Pods of the class may preempt lower priorities unless told otherwise.
    const defaulted = { preemptionPolicy: 'PreemptLowerPriority', ...object };
    admitGlobalDefault(defaulted, context);
    return defaulted;
  },
  defaultUpdate: (object, _previous, context) => {
    admitGlobalDefault(object, context);
    return object;
  },
  validate: validatePriorityClass,
};

/** 403 for deleting a system class, as the PriorityClass storage refuses before admission. */
export function refuseSystemClassDelete(type: { kind: string; group: string }, name: string): void {
  const isSystem = systemPriorityClasses.some((system) => system.name === name);
  if (type.group !== 'scheduling.k8s.io' || type.kind !== 'PriorityClass' || !isSystem) return;
  const message = `priorityclasses.scheduling.k8s.io "${name}" is forbidden: this is a system priority class and cannot be deleted`;
  const details = { name, group: 'scheduling.k8s.io', kind: 'priorityclasses' };
  throw new KubeError(403, 'Forbidden', message, details);
}

/** Creates the system classes, as the API server's post-start hook does. */
export function seedSystemPriorityClasses(registry: Registry): void {
  for (const { name, value, description } of systemPriorityClasses)
    registry.create(priorityClassType, undefined, { metadata: { name }, value, description });
}
