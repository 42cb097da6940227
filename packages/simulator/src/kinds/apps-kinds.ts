// Defaulting and validation of the apps kinds: deployments and replicasets.
import { isRecord } from '../api/types.ts';
import type { KubeObject } from '../api/types.ts';
import type { StatusCause } from '../api/status.ts';
import { invalidValue, required } from './kind-hooks.ts';
import type { KindHooks } from './kind-hooks.ts';
import { defaultPodSpec, validatePodSpec } from './pod-spec.ts';

type Json = Record<string, unknown>;

function record(value: unknown): Json {
  return isRecord(value) ? value : {};
}

/** A workload's pod template with the pod spec defaults filled in. */
export function defaultTemplate(spec: Json): Json {
  const template = record(spec['template']);
  return { ...template, spec: defaultPodSpec(template['spec']) };
}

function defaultWorkloadSpec(object: KubeObject, extra: Json, overrides: Json = {}): KubeObject {
  const spec = record(object['spec']);
  const fullSpec = {
    replicas: 1,
    ...extra,
    ...spec,
    ...overrides,
    template: defaultTemplate(spec),
  };
  return { ...object, spec: fullSpec };
}

/** A strategy with its type and rolling-update bounds filled in: kubectl sends `strategy: {}`. */
function defaultStrategy(strategy: unknown): Json {
  const given = record(strategy);
  const type = typeof given['type'] === 'string' ? given['type'] : 'RollingUpdate';
  if (type !== 'RollingUpdate') return { ...given, type };
  const bounds = { maxUnavailable: '25%', maxSurge: '25%', ...record(given['rollingUpdate']) };
  return { ...given, type, rollingUpdate: bounds };
}

const deploymentDefaults = { revisionHistoryLimit: 10, progressDeadlineSeconds: 600 };

function defaultDeployment(object: KubeObject): KubeObject {
  const strategy = defaultStrategy(record(object['spec'])['strategy']);
  return defaultWorkloadSpec(object, deploymentDefaults, { strategy });
}

/** True when every `matchLabels` entry is among the template's labels. */
function selectorMatchesTemplate(spec: Json): boolean {
  const matchLabels = record(record(spec['selector'])['matchLabels']);
  const labels = record(record(record(spec['template'])['metadata'])['labels']);
  return Object.entries(matchLabels).every(([key, value]) => labels[key] === value);
}

/** Selector present and matching the template, pod template valid. */
export function validateWorkload(object: KubeObject): StatusCause[] {
  const spec = record(object['spec']);
  if (!isRecord(spec['selector'])) return [required('spec.selector')];
  const causes = validatePodSpec(record(spec['template'])['spec'], 'spec.template.spec');
  if (!selectorMatchesTemplate(spec)) {
    const labels = record(record(spec['template'])['metadata'])['labels'] ?? {};
    const detail = '`selector` does not match template `labels`';
    causes.push(invalidValue('spec.template.metadata.labels', labels, detail));
  }
  return causes;
}

/** Deployments: replicas, rolling-update strategy, history limit, progress deadline. */
export const deploymentHooks: KindHooks = {
  defaultCreate: defaultDeployment,
  defaultUpdate: defaultDeployment,
  validate: validateWorkload,
};

/** ReplicaSets: replicas and template defaults. */
export const replicaSetHooks: KindHooks = {
  defaultCreate: (object) => defaultWorkloadSpec(object, {}),
  defaultUpdate: (object) => defaultWorkloadSpec(object, {}),
  validate: validateWorkload,
};
