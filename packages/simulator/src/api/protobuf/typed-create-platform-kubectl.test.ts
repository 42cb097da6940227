// `kubectl create ingress|priorityclass` and aggregated `create clusterrole` send protobuf; each
// must succeed and store every field it set.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useKubectlCluster } from '../../testing/kubectl.ts';

void describe('kubectl typed creates of platform kinds (protobuf bodies)', () => {
  const kubectl = useKubectlCluster('typed-platform-1');

  /** Runs kubectl and asserts it succeeded printing exactly `line`. */
  async function succeeds(line: string, ...args: string[]): Promise<void> {
    const outcome = await kubectl(...args);
    assert.equal(outcome.code, 0, outcome.stderr);
    assert.equal(outcome.stdout.trim(), line);
  }

  /** The stored object, as `kubectl get -o json` prints it. */
  async function stored(resource: string, name: string): Promise<Record<string, unknown>> {
    const outcome = await kubectl('get', resource, name, '-o', 'json');
    assert.equal(outcome.code, 0, outcome.stderr);
    return JSON.parse(outcome.stdout) as Record<string, unknown>;
  }

  const serviceBackend = (name: string, port: object): object => ({ service: { name, port } });

  void it('creates ingresses with class, rules, tls, default backend and annotations', async () => {
    await succeeds(
      'ingress.networking.k8s.io/web created',
      ...['create', 'ingress', 'web', '--class=nginx', '--annotation=team=web'],
      ...['--rule=foo.com/api*=api:8080,tls=foo-cert', '--rule=bar.com/=site:http'],
      '--default-backend=fallback:80',
    );
    const web = await stored('ingress', 'web');
    assert.deepEqual((web['metadata'] as Record<string, unknown>)['annotations'], { team: 'web' });
    assert.deepEqual(web['spec'], {
      ingressClassName: 'nginx',
      defaultBackend: serviceBackend('fallback', { number: 80 }),
      tls: [{ hosts: ['foo.com'], secretName: 'foo-cert' }],
      rules: [
        {
          host: 'foo.com',
          http: {
            paths: [
              {
                path: '/api',
                pathType: 'Prefix',
                backend: serviceBackend('api', { number: 8080 }),
              },
            ],
          },
        },
        {
          host: 'bar.com',
          http: {
            paths: [
              { path: '/', pathType: 'Exact', backend: serviceBackend('site', { name: 'http' }) },
            ],
          },
        },
      ],
    });
  });

  void it('creates host-less ingresses and tls without a secret', async () => {
    await succeeds(
      'ingress.networking.k8s.io/any created',
      ...['create', 'ingress', 'any', '--rule=/health=probe:9000', '--rule=baz.com/*=baz:80,tls'],
    );
    const spec = (await stored('ingress', 'any'))['spec'];
    assert.deepEqual(spec, {
      tls: [{ hosts: ['baz.com'] }],
      rules: [
        {
          http: {
            paths: [
              {
                path: '/health',
                pathType: 'Exact',
                backend: serviceBackend('probe', { number: 9000 }),
              },
            ],
          },
        },
        {
          host: 'baz.com',
          http: {
            paths: [
              { path: '/', pathType: 'Prefix', backend: serviceBackend('baz', { number: 80 }) },
            ],
          },
        },
      ],
    });
  });

  void it('creates priority classes with every flag, and with a zero value', async () => {
    await succeeds(
      'priorityclass.scheduling.k8s.io/critical created',
      ...['create', 'priorityclass', 'critical', '--value=1000', '--global-default'],
      ...['--description=for critical work', '--preemption-policy=Never'],
    );
    const critical = await stored('priorityclass', 'critical');
    const { value, globalDefault, description, preemptionPolicy } = critical;
    assert.deepEqual(
      { value, globalDefault, description, preemptionPolicy },
      {
        value: 1000,
        globalDefault: true,
        description: 'for critical work',
        preemptionPolicy: 'Never',
      },
    );
    await succeeds(
      'priorityclass.scheduling.k8s.io/idle created',
      ...['create', 'priorityclass', 'idle', '--value=0'],
    );
    const idle = await stored('pc', 'idle');
    // A zero value is still shown; an unset policy takes the server's default.
    assert.equal(idle['value'], 0);
    assert.equal('globalDefault' in idle || 'description' in idle, false);
    assert.equal(idle['preemptionPolicy'], 'PreemptLowerPriority');
  });

  void it('creates aggregated cluster roles with their selectors', async () => {
    await succeeds(
      'clusterrole.rbac.authorization.k8s.io/monitoring created',
      ...['create', 'clusterrole', 'monitoring', '--aggregation-rule=example.com/monitor=true'],
    );
    const role = await stored('clusterrole', 'monitoring');
    assert.deepEqual(role['aggregationRule'], {
      clusterRoleSelectors: [{ matchLabels: { 'example.com/monitor': 'true' } }],
    });
  });
});
