// Defaulting and validation of the batch kinds: Jobs and CronJobs.
import { recordAt, stringAt } from '../api/table/json-path.ts';
import type { StatusCause } from '../api/status.ts';
import type { KubeObject } from '../api/types.ts';
import { isRecord } from '../api/types.ts';
import { defaultTemplate, validateWorkload } from './apps-kinds.ts';
import { fill, isUnset, record, withList, withRecord } from './defaulting.ts';
import type { Json } from './defaulting.ts';
import type { KindHooks } from './kind-hooks.ts';

/** Pod condition patterns of a pod failure policy default their status to True. */
function defaultFailurePolicy(policy: Json): Json {
  return withList(policy, 'rules', (rule) =>
    withList(rule, 'onPodConditions', (pattern) => fill(pattern, { status: 'True' })),
  );
}

/** SetDefaults_Job for v1.32 (JobPodReplacementPolicy on by default). */
export function jobSpecDefaults(given: Json): Json {
  const isBare = isUnset(given['completions']) && isUnset(given['parallelism']);
  const spec = isBare ? { ...given, completions: 1, parallelism: 1 } : given;
  const hasFailurePolicy = isRecord(spec['podFailurePolicy']);
  const filled = fill(spec, {
    parallelism: 1,
    backoffLimit: isUnset(spec['backoffLimitPerIndex']) ? 6 : 2147483647,
    completionMode: 'NonIndexed',
    suspend: false,
    podReplacementPolicy: hasFailurePolicy ? 'Failed' : 'TerminatingOrFailed',
  });
  return withRecord(filled, 'podFailurePolicy', defaultFailurePolicy);
}

/** A Job without labels of its own takes its pod template's (SetDefaults_Job). */
function labelsFromTemplate(object: KubeObject): KubeObject {
  const templateLabels = recordAt(object, 'spec.template.metadata.labels');
  const own = object.metadata.labels ?? {};
  const isTemplateLabelled = isRecord(recordAt(object, 'spec.template.metadata')['labels']);
  if (!isTemplateLabelled || Object.keys(own).length > 0) return object;
  const labels = templateLabels as Record<string, string>;
  return { ...object, metadata: { ...object.metadata, labels } };
}

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

function withJobDefaults(object: KubeObject): KubeObject {
  const spec = jobSpecDefaults(record(object['spec']));
  return { ...object, spec: { ...spec, template: defaultTemplate(spec) } };
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

/** Jobs: completions, parallelism, backoff limit, replacement policy and a uid-keyed selector. */
export const jobHooks: KindHooks = {
  defaultCreate: (object) => jobSelector(withJobDefaults(labelsFromTemplate(object))),
  defaultUpdate: withJobDefaults,
  validate: validateJob,
};

/**
 * SetDefaults_CronJob; inside the job template only the pod template is defaulted (the Job
 * defaults belong to Job objects, so a real server leaves `jobTemplate.spec` as given).
 */
function defaultCronJob(object: KubeObject): KubeObject {
  const spec = fill(record(object['spec']), {
    concurrencyPolicy: 'Allow',
    suspend: false,
    successfulJobsHistoryLimit: 3,
    failedJobsHistoryLimit: 1,
  });
  const jobTemplate = record(spec['jobTemplate']);
  const jobSpec = record(jobTemplate['spec']);
  const template = defaultTemplate(jobSpec);
  const defaulted = { ...jobTemplate, spec: { ...jobSpec, template } };
  return { ...object, spec: { ...spec, jobTemplate: defaulted } };
}

/** CronJobs: concurrency, suspension and history limits, and their job's pod template. */
export const cronJobHooks: KindHooks = {
  defaultCreate: defaultCronJob,
  defaultUpdate: defaultCronJob,
};
