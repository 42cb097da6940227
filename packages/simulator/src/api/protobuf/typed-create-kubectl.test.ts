// kubectl's typed `create` commands send protobuf; each must succeed and store the fields it set.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useKubectlCluster } from '../../testing/kubectl.ts';

type Path = readonly (string | number)[];

function at(value: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (current, key) => (current as Record<string | number, unknown> | undefined)?.[key],
    value,
  );
}

const container: Path = ['spec', 'template', 'spec', 'containers', 0];
const jobContainer: Path = ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers', 0];

// Fields no typed `create` command sets, so they reach protobuf only when kubectl copies a template.
const richCronJob = {
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'rich' },
  spec: {
    schedule: '@hourly',
    jobTemplate: {
      spec: {
        template: {
          spec: {
            restartPolicy: 'Never',
            securityContext: { runAsUser: 0, runAsNonRoot: false, fsGroup: 2000 },
            tolerations: [
              { key: 'k', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 0 },
            ],
            volumes: [
              { name: 'cfg', configMap: { name: 'settings', defaultMode: 420 } },
              { name: 'scratch', emptyDir: { sizeLimit: '1Gi' } },
            ],
            containers: [
              {
                name: 'main',
                image: 'busybox',
                resources: {
                  requests: { cpu: '100m', memory: '64Mi' },
                  limits: { memory: '128Mi' },
                },
                env: [
                  { name: 'A', value: '1' },
                  { name: 'B', valueFrom: { configMapKeyRef: { name: 'settings', key: 'b' } } },
                  {
                    name: 'C',
                    valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } },
                  },
                ],
                envFrom: [{ prefix: 'S_', secretRef: { name: 'creds', optional: true } }],
                volumeMounts: [{ name: 'cfg', mountPath: '/etc/cfg', readOnly: true }],
                readinessProbe: {
                  httpGet: { path: '/healthz', port: 'http', scheme: 'HTTP' },
                  periodSeconds: 5,
                  failureThreshold: 2,
                },
                securityContext: { privileged: false, capabilities: { drop: ['ALL'] } },
              },
            ],
          },
        },
      },
    },
  },
};

void describe('kubectl typed creates (protobuf bodies)', () => {
  const kubectl = useKubectlCluster('typed-dev-1');

  /** Runs kubectl and asserts it succeeded printing exactly `line`. */
  async function succeeds(line: string, ...args: string[]): Promise<void> {
    const outcome = await kubectl(...args);
    assert.equal(outcome.code, 0, outcome.stderr);
    assert.equal(outcome.stdout.trim(), line);
  }

  /** The stored object, as `kubectl get -o json` prints it. */
  async function stored(resource: string, name: string): Promise<unknown> {
    const outcome = await kubectl('get', resource, name, '-o', 'json');
    assert.equal(outcome.code, 0, outcome.stderr);
    return JSON.parse(outcome.stdout) as unknown;
  }

  void it('creates deployments with replicas, selector, image, ports and command', async () => {
    await succeeds(
      'deployment.apps/web created',
      ...['create', 'deployment', 'web', '--image=nginx', '--replicas=2', '--port=80'],
    );
    const web = await stored('deployment', 'web');
    assert.equal(at(web, ['spec', 'replicas']), 2);
    assert.deepEqual(at(web, ['spec', 'selector']), { matchLabels: { app: 'web' } });
    assert.equal(at(web, [...container, 'image']), 'nginx');
    assert.deepEqual(at(web, [...container, 'ports']), [{ containerPort: 80, protocol: 'TCP' }]);
    assert.deepEqual(at(web, ['spec', 'strategy']), {
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
    });
    await succeeds(
      'deployment.apps/sleeper created',
      ...['create', 'deployment', 'sleeper', '--image=busybox', '--', 'sleep', '3600'],
    );
    const sleeper = await stored('deployment', 'sleeper');
    assert.equal(at(sleeper, ['spec', 'replicas']), 1);
    assert.deepEqual(at(sleeper, [...container, 'command']), ['sleep', '3600']);
  });

  void it('rolls the deployment out, sets its image and restarts it', async () => {
    const rollout = ['rollout', 'status', 'deployment/web', '--timeout=30s'];
    await succeeds('deployment "web" successfully rolled out', ...rollout);
    await succeeds(
      'deployment.apps/web image updated',
      ...['set', 'image', 'deployment/web', 'nginx=nginx:1.28'],
    );
    await succeeds('deployment "web" successfully rolled out', ...rollout);
    assert.equal(at(await stored('deployment', 'web'), [...container, 'image']), 'nginx:1.28');
    await succeeds('deployment.apps/web restarted', 'rollout', 'restart', 'deployment/web');
    await succeeds('deployment "web" successfully rolled out', ...rollout);
    const annotations = at(await stored('deployment', 'web'), [
      ...['spec', 'template', 'metadata', 'annotations'],
    ]);
    assert.match(String(at(annotations, ['kubectl.kubernetes.io/restartedAt'])), /^\d{4}-/);
  });

  void it('creates services of every type, with numeric and named target ports', async () => {
    await succeeds('service/web created', 'create', 'service', 'clusterip', 'web', '--tcp=80:8080');
    const web = await stored('service', 'web');
    assert.equal(at(web, ['spec', 'type']), 'ClusterIP');
    assert.deepEqual(at(web, ['spec', 'selector']), { app: 'web' });
    assert.deepEqual(at(web, ['spec', 'ports']), [
      { name: '80-8080', port: 80, protocol: 'TCP', targetPort: 8080 },
    ]);
    await succeeds('service/np created', 'create', 'service', 'nodeport', 'np', '--tcp=81');
    const np = await stored('service', 'np');
    assert.equal(at(np, ['spec', 'type']), 'NodePort');
    assert.equal(at(np, ['spec', 'ports', 0, 'targetPort']), 81);
    await succeeds(
      'service/lb created',
      'create',
      'service',
      'loadbalancer',
      'lb',
      '--tcp=443:https',
    );
    const lb = await stored('service', 'lb');
    assert.equal(at(lb, ['spec', 'type']), 'LoadBalancer');
    assert.equal(at(lb, ['spec', 'ports', 0, 'targetPort']), 'https');
    await succeeds(
      'service/ext created',
      ...['create', 'service', 'externalname', 'ext', '--external-name=example.com'],
    );
    const ext = await stored('service', 'ext');
    assert.equal(at(ext, ['spec', 'type']), 'ExternalName');
    assert.equal(at(ext, ['spec', 'externalName']), 'example.com');
  });

  void it('exposes a deployment as a service', async () => {
    await succeeds(
      'service/web-exposed exposed',
      ...['expose', 'deployment', 'web', '--port=80', '--target-port=8080', '--name=web-exposed'],
    );
    const exposed = await stored('service', 'web-exposed');
    assert.deepEqual(at(exposed, ['spec', 'selector']), { app: 'web' });
    assert.equal(at(exposed, ['spec', 'ports', 0, 'targetPort']), 8080);
  });

  void it('creates cronjobs, and jobs from an image or from a cronjob', async () => {
    await succeeds(
      'cronjob.batch/nightly created',
      ...['create', 'cronjob', 'nightly', '--image=busybox', '--schedule=0 0 * * *'],
    );
    const nightly = await stored('cronjob', 'nightly');
    assert.equal(at(nightly, ['spec', 'schedule']), '0 0 * * *');
    assert.equal(at(nightly, [...jobContainer, 'image']), 'busybox');
    await succeeds(
      'job.batch/once created',
      ...['create', 'job', 'once', '--image=busybox', '--', 'echo', 'hi'],
    );
    const once = await stored('job', 'once');
    assert.equal(at(once, ['spec', 'template', 'spec', 'restartPolicy']), 'Never');
    assert.deepEqual(at(once, [...container, 'command']), ['echo', 'hi']);
    await succeeds(
      'job.batch/from-cron created',
      ...['create', 'job', 'from-cron', '--from=cronjob/nightly'],
    );
    const fromCron = await stored('job', 'from-cron');
    const owner = at(fromCron, ['metadata', 'ownerReferences', 0]);
    assert.deepEqual([at(owner, ['kind']), at(owner, ['name'])], ['CronJob', 'nightly']);
    assert.equal(
      at(fromCron, ['metadata', 'annotations', 'cronjob.kubernetes.io/instantiate']),
      'manual',
    );
    assert.equal(at(fromCron, [...container, 'image']), 'busybox');
  });

  void it('copies a rich pod template through protobuf intact (job from cronjob)', async () => {
    const created = await kubectl.withInput(JSON.stringify(richCronJob), 'create', '-f', '-');
    assert.equal(created.stdout.trim(), 'cronjob.batch/rich created', created.stderr);
    await succeeds(
      'job.batch/rich-now created',
      'create',
      'job',
      'rich-now',
      '--from=cronjob/rich',
    );
    const spec = at(await stored('job', 'rich-now'), ['spec', 'template', 'spec']);
    const given = richCronJob.spec.jobTemplate.spec.template.spec;
    const [wanted] = given.containers;
    const copied = at(spec, ['containers', 0]);
    for (const key of ['resources', 'env', 'envFrom', 'volumeMounts'] as const)
      assert.deepEqual(at(copied, [key]), wanted?.[key], key);
    // The server fills the probe fields the manifest left out.
    const probe = { ...wanted?.readinessProbe, timeoutSeconds: 1, successThreshold: 1 };
    assert.deepEqual(at(copied, ['readinessProbe']), probe);
    assert.deepEqual(at(copied, ['securityContext']), wanted?.securityContext);
    assert.deepEqual(at(spec, ['volumes']), given.volumes);
    assert.deepEqual(at(spec, ['securityContext']), given.securityContext);
    assert.deepEqual(at(spec, ['tolerations']), given.tolerations);
  });

  void it('creates disruption budgets with integer and percentage bounds', async () => {
    await succeeds(
      'poddisruptionbudget.policy/web created',
      ...['create', 'poddisruptionbudget', 'web', '--selector=app=web', '--min-available=1'],
    );
    const web = await stored('pdb', 'web');
    assert.deepEqual(at(web, ['spec']), {
      minAvailable: 1,
      selector: { matchLabels: { app: 'web' } },
    });
    await succeeds(
      'poddisruptionbudget.policy/half created',
      ...['create', 'pdb', 'half', '--selector=app=web', '--max-unavailable=50%'],
    );
    assert.equal(at(await stored('pdb', 'half'), ['spec', 'maxUnavailable']), '50%');
  });

  void it('issues service-account tokens the cluster accepts', async () => {
    const issued = await kubectl('create', 'token', 'default');
    assert.equal(issued.code, 0, issued.stderr);
    const token = issued.stdout.trim();
    const whoami = ['auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username}'];
    const outcome = await kubectl('--token', token, ...whoami);
    assert.equal(outcome.stdout, 'system:serviceaccount:default:default');
    const missing = await kubectl('create', 'token', 'nobody');
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /serviceaccounts "nobody" not found/);
  });
});
