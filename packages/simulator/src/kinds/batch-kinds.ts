// Defaulting and validation of StatefulSets, DaemonSets and Jobs.
import { recordAt, stringAt } from '../api/table/json-path.ts';
import type { StatusCause } from '../api/status.ts';
import type { KubeObject } from '../api/types.ts';
import { defaultTemplate, validateWorkload } from './apps-kinds.ts';
import type { KindHooks } from './kind-hooks.ts';

type Json = Record<string, unknown>;

function withSpec(object: KubeObject, defaults: Json, extra: Json = {}): KubeObject {
  const spec = recordAt(object, 'spec');
  return {
    ...object,
    spec: { ...defaults, ...spec, ...extra, template: defaultTemplate({ ...spec, ...extra }) },
  };
}

const statefulSetDefaults = {
  replicas: 1,
  podManagementPolicy: 'OrderedReady',
  updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
  revisionHistoryLimit: 10,
  persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
};

/** StatefulSets: ordered pod management and a partitioned rolling update. */
export const statefulSetHooks: KindHooks = {
  defaultCreate: (object) => withSpec(object, statefulSetDefaults),
  defaultUpdate: (object) => withSpec(object, statefulSetDefaults),
  validate: validateWorkload,
};

const daemonSetDefaults = {
  updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
  revisionHistoryLimit: 10,
};

/** DaemonSets: a rolling update one node at a time. */
export const daemonSetHooks: KindHooks = {
  defaultCreate: (object) => withSpec(object, daemonSetDefaults),
  defaultUpdate: (object) => withSpec(object, daemonSetDefaults),
  validate: validateWorkload,
};

const jobDefaults = {
  parallelism: 1,
  completions: 1,
  backoffLimit: 6,
  completionMode: 'NonIndexed',
  suspend: false,
  podReplacementPolicy: 'TerminatingOrFailed',
};

/** The generated selector and pod labels of a Job, keyed by its uid as the API server does. */
function jobSelector(object: KubeObject): KubeObject {
  const uid = object.metadata.uid ?? '';
  const name = object.metadata.name ?? '';
  const spec = recordAt(object, 'spec');
  const template = recordAt(spec, 'template');
  const labels = {
    'batch.kubernetes.io/controller-uid': uid,
    'batch.kubernetes.io/job-name': name,
    'controller-uid': uid,
    'job-name': name,
    ...(recordAt(template, 'metadata.labels') as Record<string, string>),
  };
  const selector = spec['selector'] ?? {
    matchLabels: { 'batch.kubernetes.io/controller-uid': uid },
  };
  const withLabels = { ...template, metadata: { ...recordAt(template, 'metadata'), labels } };
  return { ...object, spec: { ...spec, selector, template: withLabels } };
}

function validateJob(object: KubeObject): StatusCause[] {
  const causes = validateWorkload(object);
  const policy = stringAt(object, 'spec.template.spec.restartPolicy');
  if (policy !== 'Never' && policy !== 'OnFailure') {
    const message = `Unsupported value: "${policy}": supported values: "OnFailure", "Never"`;
    causes.push({
      reason: 'FieldValueNotSupported',
      message,
      field: 'spec.template.spec.restartPolicy',
    });
  }
  return causes;
}

/** Jobs: completions, parallelism, backoff limit and a selector generated from the uid. */
export const jobHooks: KindHooks = {
  defaultCreate: (object) => withSpec(jobSelector(object), jobDefaults),
  validate: validateJob,
};
