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

function defaultWorkloadSpec(object: KubeObject, extra: Json): KubeObject {
  const spec = record(object['spec']);
  const fullSpec = { replicas: 1, ...extra, ...spec, template: defaultTemplate(spec) };
  return { ...object, spec: fullSpec };
}

const rollingUpdate = {
  type: 'RollingUpdate',
  rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
};

const deploymentDefaults = {
  strategy: rollingUpdate,
  revisionHistoryLimit: 10,
  progressDeadlineSeconds: 600,
};

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
  defaultCreate: (object) => defaultWorkloadSpec(object, deploymentDefaults),
  defaultUpdate: (object) => defaultWorkloadSpec(object, deploymentDefaults),
  validate: validateWorkload,
};

/** ReplicaSets: replicas and template defaults. */
export const replicaSetHooks: KindHooks = {
  defaultCreate: (object) => defaultWorkloadSpec(object, {}),
  defaultUpdate: (object) => defaultWorkloadSpec(object, {}),
  validate: validateWorkload,
};
