// Schemas of the apps/v1 and batch/v1 workload kinds.
import type { Schema } from './schema-dsl.ts';
import {
  bool,
  int,
  int64,
  intOrString,
  kind,
  names,
  object,
  open,
  openList,
} from './schema-dsl.ts';
import { ref, str } from './schema-dsl.ts';

const { api, core, meta } = names;
const apps = (k: string) => api('apps', 'v1', k);
const batch = (k: string) => api('batch', 'v1', k);
const selector = (what: string): Schema => ref(meta('LabelSelector'), what);
const template = (what: string): Schema => ref(core('PodTemplateSpec'), what);
const replicas = int('Number of desired pods; defaults to 1.');
const minReadySeconds = int(
  'Seconds a new pod must be ready, without crashing, to count as available.',
);
const revisionHistoryLimit = int('The number of old revisions to retain for rollback.');
const status = (what: string): Schema => open(`Most recently observed status of the ${what}.`);

const deploymentSpec = object(
  'DeploymentSpec is the specification of the desired behavior of the Deployment.',
  {
    replicas,
    selector: selector("Label selector for pods; must match the pod template's labels."),
    template: template('Template describes the pods that will be created.'),
    strategy: ref(apps('DeploymentStrategy'), 'The deployment strategy used to replace old pods.'),
    minReadySeconds,
    revisionHistoryLimit,
    paused: bool('Indicates that the deployment is paused.'),
    progressDeadlineSeconds: int('Seconds a deployment may take to progress before it is failed.'),
  },
  ['selector', 'template'],
);

const strategy = object(
  'DeploymentStrategy describes how to replace existing pods with new ones.',
  {
    type: str('Type of deployment: Recreate or RollingUpdate (the default).'),
    rollingUpdate: ref(apps('RollingUpdateDeployment'), 'Rolling update config parameters.'),
  },
);

const rollingUpdate = object('Spec to control the desired behavior of a rolling update.', {
  maxUnavailable: intOrString(
    'The maximum number of pods that can be unavailable during the update.',
  ),
  maxSurge: intOrString(
    'The maximum number of pods that can be scheduled above the desired number.',
  ),
});

const replicaSetSpec = object('ReplicaSetSpec is the specification of a ReplicaSet.', {
  replicas,
  minReadySeconds,
  selector: selector('A label query over pods that should match the replica count.'),
  template: template('The pod template used when there are too few replicas.'),
});

const statefulSetSpec = object('A StatefulSetSpec is the specification of a StatefulSet.', {
  replicas,
  selector: selector('A label query over pods that should match the replica count.'),
  template: template('The pod template the StatefulSet creates pods from.'),
  serviceName: str('The name of the service that governs this StatefulSet.'),
  podManagementPolicy: str('How pods are created during scale up: OrderedReady or Parallel.'),
  updateStrategy: open('How pods are updated when the template changes.'),
  volumeClaimTemplates: openList('Claims that pods are allowed to reference.'),
  persistentVolumeClaimRetentionPolicy: open('The lifecycle of claims created from the templates.'),
  ordinals: open('Controls the numbering of replica indices.'),
  minReadySeconds,
  revisionHistoryLimit,
});

const daemonSetSpec = object('DaemonSetSpec is the specification of a daemon set.', {
  selector: selector('A label query over pods that are managed by the daemon set.'),
  template: template('An object that describes the pod created on each node.'),
  updateStrategy: open('An update strategy to replace existing DaemonSet pods with new pods.'),
  minReadySeconds,
  revisionHistoryLimit,
});

const jobSpec = object('JobSpec describes how the job execution will look like.', {
  parallelism: int('The maximum desired number of pods the job should run at any given time.'),
  completions: int('The desired number of successfully finished pods the job should be run with.'),
  activeDeadlineSeconds: int64('Seconds the job may be active before the system terminates it.'),
  backoffLimit: int('The number of retries before marking this job failed.'),
  backoffLimitPerIndex: int('The number of retries within an index before marking it failed.'),
  maxFailedIndexes: int('The maximal number of failed indexes before the job is failed.'),
  selector: selector('A label query over pods that should match the pod count.'),
  manualSelector: bool('Controls generation of pod labels and pod selectors.'),
  template: template('Describes the pod that will be created when executing a job.'),
  ttlSecondsAfterFinished: int('Seconds after which a finished job is deleted.'),
  completionMode: str('How pod completions are tracked: NonIndexed or Indexed.'),
  suspend: bool('Whether the job controller should create pods or not.'),
  podFailurePolicy: open('How failed pods influence the backoffLimit.'),
  successPolicy: open('When the job can be declared as succeeded.'),
  podReplacementPolicy: str('When to create replacement pods.'),
  managedBy: str('The controller responsible for reconciling the job.'),
});

const cronJobSpec = object('CronJobSpec describes how the job execution will look like.', {
  schedule: str('The schedule in Cron format.'),
  timeZone: str('The time zone name for the given schedule.'),
  startingDeadlineSeconds: int64('Deadline in seconds for starting the job if it misses its time.'),
  concurrencyPolicy: str('How to treat concurrent executions: Allow, Forbid or Replace.'),
  suspend: bool('Tells the controller to suspend subsequent executions.'),
  jobTemplate: ref(
    batch('JobTemplateSpec'),
    'The job that will be created when executing a CronJob.',
  ),
  successfulJobsHistoryLimit: int('The number of successful finished jobs to retain.'),
  failedJobsHistoryLimit: int('The number of failed finished jobs to retain.'),
});

const workloadKinds: Record<string, Schema> = {
  [apps('Deployment')]: kind(
    { group: 'apps', version: 'v1', kind: 'Deployment' },
    'Deployment enables declarative updates for Pods and ReplicaSets.',
    {
      spec: ref(apps('DeploymentSpec'), 'Specification of the desired behavior of the Deployment.'),
      status: status('Deployment'),
    },
  ),
  [apps('ReplicaSet')]: kind(
    { group: 'apps', version: 'v1', kind: 'ReplicaSet' },
    'ReplicaSet ensures that a specified number of pod replicas are running at any given time.',
    {
      spec: ref(apps('ReplicaSetSpec'), 'The desired behavior of the ReplicaSet.'),
      status: status('ReplicaSet'),
    },
  ),
  [apps('StatefulSet')]: kind(
    { group: 'apps', version: 'v1', kind: 'StatefulSet' },
    'StatefulSet represents a set of pods with consistent identities.',
    {
      spec: ref(apps('StatefulSetSpec'), 'The desired identities of pods in this set.'),
      status: status('StatefulSet'),
    },
  ),
  [apps('DaemonSet')]: kind(
    { group: 'apps', version: 'v1', kind: 'DaemonSet' },
    'DaemonSet represents the configuration of a daemon set.',
    {
      spec: ref(apps('DaemonSetSpec'), 'The desired behavior of this daemon set.'),
      status: status('DaemonSet'),
    },
  ),
  [batch('Job')]: kind(
    { group: 'batch', version: 'v1', kind: 'Job' },
    'Job represents the configuration of a single job.',
    {
      spec: ref(batch('JobSpec'), 'Specification of the desired behavior of a job.'),
      status: status('Job'),
    },
  ),
  [batch('CronJob')]: kind(
    { group: 'batch', version: 'v1', kind: 'CronJob' },
    'CronJob represents the configuration of a single cron job.',
    {
      spec: ref(batch('CronJobSpec'), 'Specification of the desired behavior of a cron job.'),
      status: status('CronJob'),
    },
  ),
};

/** The workload kinds and their parts, by component name. */
export const workloadSchemas: Readonly<Record<string, Schema>> = {
  ...workloadKinds,
  [apps('DeploymentSpec')]: deploymentSpec,
  [apps('DeploymentStrategy')]: strategy,
  [apps('RollingUpdateDeployment')]: rollingUpdate,
  [apps('ReplicaSetSpec')]: replicaSetSpec,
  [apps('StatefulSetSpec')]: statefulSetSpec,
  [apps('DaemonSetSpec')]: daemonSetSpec,
  [batch('JobSpec')]: jobSpec,
  [batch('CronJobSpec')]: cronJobSpec,
  [batch('JobTemplateSpec')]: object(
    'Describes the data a Job should have when created from a template.',
    {
      metadata: ref(
        meta('ObjectMeta'),
        "Standard object's metadata of the jobs created from this template.",
      ),
      spec: ref(batch('JobSpec'), 'Specification of the desired behavior of the job.'),
    },
  ),
};
