// kubectl get -o json of minimal pods, workloads, jobs and cronjobs shows the fields a v1.32 server fills in.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { omit } from '../api/omit.ts';
import { useKubectlCluster } from '../testing/kubectl.ts';

type Json = Record<string, unknown>;

const terminationMessage = {
  terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File',
};

/** What every pod spec gets, pod templates included. */
const podSpecDefaults = {
  dnsPolicy: 'ClusterFirst',
  restartPolicy: 'Always',
  schedulerName: 'default-scheduler',
  securityContext: {},
  terminationGracePeriodSeconds: 30,
};

/** What only pods get (SetDefaults_Pod and the ServiceAccount and Priority admission plugins). */
const podOnlyDefaults = {
  enableServiceLinks: true,
  preemptionPolicy: 'PreemptLowerPriority',
  priority: 0,
  serviceAccount: 'default',
  serviceAccountName: 'default',
};

function container(name: string, image: string, imagePullPolicy: string): Json {
  return { name, image, imagePullPolicy, resources: {}, ...terminationMessage };
}

function manifest(kind: string, apiVersion: string, name: string, spec: Json): string {
  return JSON.stringify({ apiVersion, kind, metadata: { name }, spec });
}

const template = (spec: Json, labels: Json = { app: 'x' }): Json => ({
  metadata: { labels },
  spec: { containers: [{ name: 'app', image: 'nginx:1.27' }], ...spec },
});

const tokenMountPath = '/var/run/secrets/kubernetes.io/serviceaccount';

/** The projected volume kube-apiserver's ServiceAccount admission plugin adds to a pod. */
function kubeApiAccess(name: string): Json {
  const namespaceItem = {
    fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' },
    path: 'namespace',
  };
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [namespaceItem] } },
      ],
    },
  };
}

void describe('kubectl sees objects defaulted as by a v1.32 API server', () => {
  const kubectl = useKubectlCluster('defaults-dev-1');

  async function create(text: string): Promise<void> {
    const outcome = await kubectl.withInput(text, 'create', '-f', '-');
    assert.equal(outcome.code, 0, outcome.stderr);
  }

  async function run(...args: string[]): Promise<void> {
    const outcome = await kubectl(...args);
    assert.equal(outcome.code, 0, outcome.stderr);
  }

  async function specOf(resource: string, name: string): Promise<Json> {
    const outcome = await kubectl('get', resource, name, '-o', 'json');
    assert.equal(outcome.code, 0, outcome.stderr);
    return (JSON.parse(outcome.stdout) as { spec: Json }).spec;
  }

  void it('fills a minimal pod like the API server and its admission plugins', async () => {
    await create(manifest('Pod', 'v1', 'bare', { containers: [{ name: 'app', image: 'nginx' }] }));
    // nodeName is the scheduler's, not a default.
    const spec = omit(await specOf('pod', 'bare'), 'nodeName');
    // The ServiceAccount plugin names the token volume with a random suffix.
    const volume = String((spec['volumes'] as Json[] | undefined)?.[0]?.['name']);
    assert.match(volume, /^kube-api-access-[a-z0-9]{5}$/);
    const mount = { name: volume, readOnly: true, mountPath: tokenMountPath };
    assert.deepEqual(spec, {
      containers: [{ ...container('app', 'nginx', 'Always'), volumeMounts: [mount] }],
      ...podSpecDefaults,
      ...podOnlyDefaults,
      volumes: [kubeApiAccess(volume)],
      tolerations: ['not-ready', 'unreachable'].map((condition) => ({
        key: `node.kubernetes.io/${condition}`,
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      })),
    });
  });

  void it('defaults pull policies, ports, probes, env field refs and volumes', async () => {
    const containers = [
      {
        name: 'a',
        image: 'localhost:5000/app',
        ports: [{ containerPort: 80 }, { containerPort: 53, protocol: 'UDP' }],
        env: [{ name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
        readinessProbe: { httpGet: { port: 80 } },
        resources: { limits: { cpu: '1' } },
      },
      { name: 'b', image: 'nginx:latest' },
      { name: 'c', image: 'nginx@sha256:' + '0'.repeat(64) },
      { name: 'd', image: 'nginx:1.27', imagePullPolicy: 'Never' },
    ];
    const volumes = [{ name: 'scratch' }, { name: 'cfg', configMap: { name: 'settings' } }];
    await create(manifest('Pod', 'v1', 'rich', { containers, volumes, restartPolicy: 'Never' }));
    const spec = await specOf('pod', 'rich');
    const [a, b, c, d] = spec['containers'] as Json[];
    assert.deepEqual(
      [a, b, c, d].map((one) => one?.['imagePullPolicy']),
      ['Always', 'Always', 'IfNotPresent', 'Never'],
    );
    assert.deepEqual(a?.['ports'], [
      { containerPort: 80, protocol: 'TCP' },
      { containerPort: 53, protocol: 'UDP' },
    ]);
    assert.deepEqual(a?.['env'], [
      { name: 'POD', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
    ]);
    assert.deepEqual(a?.['readinessProbe'], {
      httpGet: { path: '/', port: 80, scheme: 'HTTP' },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
    assert.deepEqual(a?.['resources'], { limits: { cpu: '1' }, requests: { cpu: '1' } });
    assert.equal(spec['restartPolicy'], 'Never');
    const [scratch, cfg, token] = spec['volumes'] as Json[];
    assert.deepEqual(
      [scratch, cfg],
      [
        { name: 'scratch', emptyDir: {} },
        { name: 'cfg', configMap: { name: 'settings', defaultMode: 420 } },
      ],
    );
    assert.match(String(token?.['name']), /^kube-api-access-/);
  });

  void it('defaults deployments and their pod template (no pod-only fields)', async () => {
    await run('create', 'deployment', 'web', '--image=nginx:1.27');
    const spec = await specOf('deployment', 'web');
    assert.equal(spec['replicas'], 1);
    assert.equal(spec['revisionHistoryLimit'], 10);
    assert.equal(spec['progressDeadlineSeconds'], 600);
    assert.deepEqual(spec['strategy'], {
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
    });
    assert.deepEqual((spec['template'] as Json)['spec'], {
      containers: [container('nginx', 'nginx:1.27', 'IfNotPresent')],
      ...podSpecDefaults,
    });
  });

  void it('defaults statefulsets: ordered, partitioned, claims retained and pending', async () => {
    const claim = { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'] } };
    const selector = { matchLabels: { app: 'x' } };
    const base = { selector, serviceName: 'db', template: template({}) };
    await create(
      manifest('StatefulSet', 'apps/v1', 'db', { ...base, volumeClaimTemplates: [claim] }),
    );
    const spec = await specOf('statefulset', 'db');
    assert.equal(spec['replicas'], 1);
    assert.equal(spec['revisionHistoryLimit'], 10);
    assert.equal(spec['podManagementPolicy'], 'OrderedReady');
    assert.deepEqual(spec['updateStrategy'], {
      type: 'RollingUpdate',
      rollingUpdate: { partition: 0 },
    });
    assert.deepEqual(spec['persistentVolumeClaimRetentionPolicy'], {
      whenDeleted: 'Retain',
      whenScaled: 'Retain',
    });
    assert.deepEqual(spec['volumeClaimTemplates'], [
      { ...claim, spec: { ...claim.spec, volumeMode: 'Filesystem' }, status: { phase: 'Pending' } },
    ]);
    const typed = { ...base, updateStrategy: { type: 'RollingUpdate' } };
    await create(manifest('StatefulSet', 'apps/v1', 'typed', typed));
    // A type given without rollingUpdate stays so: only an unset type brings the partition.
    assert.deepEqual((await specOf('statefulset', 'typed'))['updateStrategy'], {
      type: 'RollingUpdate',
    });
  });

  void it('defaults daemonsets to a rolling update of one node, no surge', async () => {
    const spec = { selector: { matchLabels: { app: 'x' } }, template: template({}) };
    await create(manifest('DaemonSet', 'apps/v1', 'agent', spec));
    const stored = await specOf('daemonset', 'agent');
    assert.equal(stored['revisionHistoryLimit'], 10);
    assert.deepEqual(stored['updateStrategy'], {
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: 1, maxSurge: 0 },
    });
  });

  void it('defaults jobs as v1.32 does', async () => {
    await run('create', 'job', 'once', '--image=busybox');
    const spec = await specOf('job', 'once');
    const podTemplate = spec['template'] as Json;
    assert.deepEqual(omit(spec, 'selector', 'template'), {
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      completions: 1,
      parallelism: 1,
      podReplacementPolicy: 'TerminatingOrFailed',
      suspend: false,
    });
    assert.deepEqual(podTemplate['spec'], {
      containers: [container('once', 'busybox', 'Always')],
      ...podSpecDefaults,
      restartPolicy: 'Never',
    });
  });

  void it('leaves completions unset beside a parallelism, and follows a failure policy', async () => {
    const policy = {
      rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }],
    };
    const podTemplate = template({ restartPolicy: 'Never' }, { team: 'a' });
    await create(manifest('Job', 'batch/v1', 'wide', { parallelism: 3, template: podTemplate }));
    const wide = await specOf('job', 'wide');
    assert.equal(wide['parallelism'], 3);
    assert.equal(wide['completions'], undefined);
    const labels = await kubectl('get', 'job', 'wide', '-o', 'jsonpath={.metadata.labels.team}');
    assert.equal(labels.stdout, 'a', 'a job without labels takes its template labels');
    await create(
      manifest('Job', 'batch/v1', 'careful', { podFailurePolicy: policy, template: podTemplate }),
    );
    const careful = await specOf('job', 'careful');
    assert.equal(careful['podReplacementPolicy'], 'Failed');
    assert.deepEqual(careful['podFailurePolicy'], {
      rules: [
        { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
      ],
    });
  });

  void it('defaults cronjobs, and only the pod template inside their job template', async () => {
    await run('create', 'cronjob', 'nightly', '--image=busybox', '--schedule=0 0 * * *');
    const spec = await specOf('cronjob', 'nightly');
    assert.equal(spec['concurrencyPolicy'], 'Allow');
    assert.equal(spec['suspend'], false);
    assert.equal(spec['successfulJobsHistoryLimit'], 3);
    assert.equal(spec['failedJobsHistoryLimit'], 1);
    const jobSpec = (spec['jobTemplate'] as { spec: Json }).spec;
    assert.equal(jobSpec['backoffLimit'], undefined, 'Job defaults apply to Jobs, not templates');
    assert.deepEqual((jobSpec['template'] as Json)['spec'], {
      containers: [container('nightly', 'busybox', 'Always')],
      ...podSpecDefaults,
      restartPolicy: 'OnFailure',
    });
  });
});
