// Protobuf field numbers of the workload kinds kubectl creates typed: Deployment, Job, CronJob, PDB.
import { labelSelector, metadata, objectMeta } from './meta-schemas.ts';
import type { Schema } from './meta-schemas.ts';
import { podTemplateSpec } from './pod-schemas.ts';

const selector = ['selector', { message: labelSelector }] as const;
const template = { message: podTemplateSpec };

const deploymentStrategy: Schema = {
  1: ['type', 'string'],
  2: [
    'rollingUpdate',
    { message: { 1: ['maxUnavailable', 'intOrString'], 2: ['maxSurge', 'intOrString'] } },
  ],
};

const deploymentSpec: Schema = {
  1: ['replicas', 'int'],
  2: selector,
  3: ['template', template],
  4: ['strategy', { message: deploymentStrategy }],
  5: ['minReadySeconds', 'int,omitempty'],
  6: ['revisionHistoryLimit', 'int'],
  7: ['paused', 'bool,omitempty'],
  9: ['progressDeadlineSeconds', 'int'],
};

const jobSpec: Schema = {
  1: ['parallelism', 'int'],
  2: ['completions', 'int'],
  3: ['activeDeadlineSeconds', 'int'],
  4: selector,
  5: ['manualSelector', 'bool'],
  6: ['template', template],
  7: ['backoffLimit', 'int'],
  8: ['ttlSecondsAfterFinished', 'int'],
  9: ['completionMode', 'string'],
  10: ['suspend', 'bool'],
  12: ['backoffLimitPerIndex', 'int'],
  13: ['maxFailedIndexes', 'int'],
  14: ['podReplacementPolicy', 'string'],
  15: ['managedBy', 'string'],
};

const cronJobSpec: Schema = {
  1: ['schedule', 'string'],
  2: ['startingDeadlineSeconds', 'int'],
  3: ['concurrencyPolicy', 'string'],
  4: ['suspend', 'bool'],
  5: [
    'jobTemplate',
    { message: { 1: ['metadata', { message: objectMeta }], 2: ['spec', { message: jobSpec }] } },
  ],
  6: ['successfulJobsHistoryLimit', 'int'],
  7: ['failedJobsHistoryLimit', 'int'],
  8: ['timeZone', 'string'],
};

const disruptionBudgetSpec: Schema = {
  1: ['minAvailable', 'intOrString'],
  2: selector,
  3: ['maxUnavailable', 'intOrString'],
  4: ['unhealthyPodEvictionPolicy', 'string'],
};

/** Messages by `apiVersion/kind`; status (field 3) is the controllers' to write, so it is skipped. */
export const workloadSchemas: Readonly<Record<string, Schema>> = {
  'apps/v1/Deployment': { 1: metadata, 2: ['spec', { message: deploymentSpec }] },
  'batch/v1/Job': { 1: metadata, 2: ['spec', { message: jobSpec }] },
  'batch/v1/CronJob': { 1: metadata, 2: ['spec', { message: cronJobSpec }] },
  'policy/v1/PodDisruptionBudget': { 1: metadata, 2: ['spec', { message: disruptionBudgetSpec }] },
};
