// Defaulting and validation of CustomResourceDefinitions and PodDisruptionBudgets.
import { timestamp } from '../clock.ts';
import { arrayAt, recordAt, stringAt } from '../api/table/json-path.ts';
import type { StatusCause } from '../api/status.ts';
import type { KubeObject } from '../api/types.ts';
import { invalidValue, required } from './kind-hooks.ts';
import type { HookContext, KindHooks } from './kind-hooks.ts';

function defaultNames(object: KubeObject): Record<string, unknown> {
  const names = recordAt(object, 'spec.names');
  const kind = stringAt(names, 'kind');
  return { singular: kind.toLowerCase(), listKind: `${kind}List`, ...names };
}

function crdStatus(object: KubeObject, context: HookContext): Record<string, unknown> {
  const now = timestamp(context.clock);
  const storage = arrayAt(object, 'spec.versions').find(
    (v) => recordAt({ v }, 'v')['storage'] === true,
  );
  const condition = (type: string, reason: string, message: string) => ({
    type,
    status: 'True',
    lastTransitionTime: now,
    reason,
    message,
  });
  return {
    acceptedNames: defaultNames(object),
    conditions: [
      condition('NamesAccepted', 'NoConflicts', 'no conflicts found'),
      condition('Established', 'InitialNamesAccepted', 'the initial names have been accepted'),
    ],
    storedVersions: [stringAt(storage, 'name')],
  };
}

function validateCrd(object: KubeObject): StatusCause[] {
  const group = stringAt(object, 'spec.group');
  const plural = stringAt(object, 'spec.names.plural');
  const causes: StatusCause[] = [];
  if (!group) causes.push(required('spec.group'));
  if (!plural) causes.push(required('spec.names.plural'));
  if (!stringAt(object, 'spec.names.kind')) causes.push(required('spec.names.kind'));
  const scope = stringAt(object, 'spec.scope');
  if (scope !== 'Namespaced' && scope !== 'Cluster') {
    const message = `Unsupported value: "${scope}": supported values: "Cluster", "Namespaced"`;
    causes.push({ reason: 'FieldValueNotSupported', message, field: 'spec.scope' });
  }
  const versions = arrayAt(object, 'spec.versions');
  if (versions.filter((v) => recordAt({ v }, 'v')['storage'] === true).length !== 1)
    causes.push(
      invalidValue(
        'spec.versions',
        versions.map((v) => stringAt(v, 'name')),
        'must have exactly one version marked as storage version',
      ),
    );
  const name = object.metadata.name ?? '';
  if (group && plural && name !== `${plural}.${group}`)
    causes.push(invalidValue('metadata.name', name, 'must be spec.names.plural+"."+spec.group'));
  return causes;
}

/** CRDs: names defaulted, accepted and Established at once (there is no one else to accept them). */
export const crdHooks: KindHooks = {
  defaultCreate: (object, context) => {
    const spec = {
      conversion: { strategy: 'None' },
      ...recordAt(object, 'spec'),
      names: defaultNames(object),
    };
    const named = { ...object, spec };
    return { ...named, status: crdStatus(named, context) };
  },
  defaultUpdate: (object) => ({
    ...object,
    spec: { ...recordAt(object, 'spec'), names: defaultNames(object) },
  }),
  validate: validateCrd,
};

/** PDBs may set minAvailable or maxUnavailable, not both. */
export const podDisruptionBudgetHooks: KindHooks = {
  validate: (object) => {
    const spec = recordAt(object, 'spec');
    if (spec['minAvailable'] === undefined || spec['maxUnavailable'] === undefined) return [];
    const message = 'Invalid value: "": minAvailable and maxUnavailable cannot be both set';
    return [{ reason: 'FieldValueInvalid', message, field: 'spec' }];
  },
};
