// Defaulting and validation of the apps kinds: deployments, replicasets, statefulsets and daemonsets.
import { isRecord } from '../api/types.ts';
import type { KubeObject } from '../api/types.ts';
import type { StatusCause } from '../api/status.ts';
import { fill, isUnset, record, withList, withRecord } from './defaulting.ts';
import type { Json } from './defaulting.ts';
import { invalidValue, required } from './kind-hooks.ts';
import type { KindHooks } from './kind-hooks.ts';
import { defaultPodSpec, validatePodSpec } from './pod-spec.ts';

/** A workload's pod template with the pod spec defaults filled in. */
export function defaultTemplate(spec: Json): Json {
  const template = record(spec['template']);
  return { ...template, spec: defaultPodSpec(template['spec']) };
}

/** `object` with its spec defaulted by `defaults` and its pod template defaulted. */
function withSpec(object: KubeObject, defaults: (spec: Json) => Json): KubeObject {
  const spec = defaults(record(object['spec']));
  return { ...object, spec: { ...spec, template: defaultTemplate(spec) } };
}

/** A rolling update strategy's type and bounds, as Deployment and DaemonSet default them. */
function rollingStrategy(strategy: unknown, bounds: Json): Json {
  const given = fill(record(strategy), { type: 'RollingUpdate' });
  if (given['type'] !== 'RollingUpdate') return given;
  return { ...given, rollingUpdate: fill(record(given['rollingUpdate']), bounds) };
}

function deploymentSpec(spec: Json): Json {
  const filled = fill(spec, {
    replicas: 1,
    revisionHistoryLimit: 10,
    progressDeadlineSeconds: 600,
  });
  const bounds = { maxUnavailable: '25%', maxSurge: '25%' };
  return { ...filled, strategy: rollingStrategy(filled['strategy'], bounds) };
}

/** An unset type becomes RollingUpdate with partition 0; a given RollingUpdate keeps rollingUpdate unset. */
function statefulSetStrategy(strategy: unknown): Json {
  const given = record(strategy);
  const typed = isUnset(given['type'])
    ? { ...given, type: 'RollingUpdate', rollingUpdate: record(given['rollingUpdate']) }
    : given;
  if (typed['type'] !== 'RollingUpdate') return typed;
  return withRecord(typed, 'rollingUpdate', (update) => fill(update, { partition: 0 }));
}

/** Claim templates are PersistentVolumeClaims: Filesystem mode, Pending phase. */
function defaultClaimTemplate(claim: Json): Json {
  const spec = fill(record(claim['spec']), { volumeMode: 'Filesystem' });
  return { ...claim, spec, status: fill(record(claim['status']), { phase: 'Pending' }) };
}

function statefulSetSpec(spec: Json): Json {
  const filled = fill(spec, {
    replicas: 1,
    podManagementPolicy: 'OrderedReady',
    revisionHistoryLimit: 10,
  });
  const retention = { whenDeleted: 'Retain', whenScaled: 'Retain' };
  return withList(
    {
      ...filled,
      updateStrategy: statefulSetStrategy(filled['updateStrategy']),
      persistentVolumeClaimRetentionPolicy: fill(
        record(filled['persistentVolumeClaimRetentionPolicy']),
        retention,
      ),
    },
    'volumeClaimTemplates',
    defaultClaimTemplate,
  );
}

function daemonSetSpec(spec: Json): Json {
  const filled = fill(spec, { revisionHistoryLimit: 10 });
  const bounds = { maxUnavailable: 1, maxSurge: 0 };
  return { ...filled, updateStrategy: rollingStrategy(filled['updateStrategy'], bounds) };
}

function replicaSetSpec(spec: Json): Json {
  return fill(spec, { replicas: 1 });
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

/** Hooks that default a workload's spec with `defaults` on create and update, and validate it. */
function workloadHooks(defaults: (spec: Json) => Json): KindHooks {
  const defaulted = (object: KubeObject): KubeObject => withSpec(object, defaults);
  return { defaultCreate: defaulted, defaultUpdate: defaulted, validate: validateWorkload };
}

/** Deployments: replicas, rolling update 25%/25%, history limit 10, progress deadline 600s. */
export const deploymentHooks: KindHooks = workloadHooks(deploymentSpec);

/** ReplicaSets: replicas and template defaults. */
export const replicaSetHooks: KindHooks = workloadHooks(replicaSetSpec);

/** StatefulSets: ordered pod management, a partitioned rolling update, claims retained. */
export const statefulSetHooks: KindHooks = workloadHooks(statefulSetSpec);

/** DaemonSets: a rolling update one node at a time, no surge. */
export const daemonSetHooks: KindHooks = workloadHooks(daemonSetSpec);
