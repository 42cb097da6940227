// LimitRanges through the real kubectl: served and validated as kube-apiserver v1.32 does, and
// enforced by the LimitRanger step on pod creation, controllers' pods included.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import { useKubectlCluster } from '../testing/kubectl.ts';
import type { Kubectl } from '../testing/kubectl.ts';

const limitRange = {
  apiVersion: 'v1',
  kind: 'LimitRange',
  metadata: { name: 'compute', namespace: 'default' },
  spec: {
    limits: [
      {
        type: 'Container',
        default: { cpu: '500m', memory: '256Mi' },
        defaultRequest: { cpu: '250m' },
        max: { cpu: '1' },
      },
    ],
  },
};

function pod(name: string, resources: Record<string, unknown> = {}): string {
  const container = { name: 'main', image: 'nginx:1.27', resources };
  return stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { containers: [container] },
  });
}

const resourcesPath = 'jsonpath={.spec.containers[0].resources}';

/** `owner: message` of FailedCreate events; the controller writes them after the create returns. */
async function failedCreates(kubectl: Kubectl): Promise<string[]> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const events = await kubectl(
      'get',
      'events',
      '--field-selector',
      'reason=FailedCreate',
      '-o',
      'jsonpath={range .items[*]}{.involvedObject.name}: {.message}{"\\n"}{end}',
    );
    const messages = events.stdout.split('\n').filter((line) => line !== '');
    if (messages.length > 0) return messages;
  }
  return [];
}

void describe('LimitRange', () => {
  const kubectl = useKubectlCluster('limits-dev-1');

  void it('is served with the short name, columns and defaults of a real server', async () => {
    const applied = await kubectl.withInput(stringify(limitRange), 'apply', '-f', '-');
    assert.equal(applied.code, 0, applied.stderr);
    const resources = await kubectl('api-resources', '--api-group=');
    assert.match(resources.stdout, /limitranges\s+limits\s+v1\s+true\s+LimitRange/);
    const table = await kubectl('get', 'limitranges');
    const [header, row] = table.stdout.trim().split('\n');
    assert.deepEqual(header?.split(/\s{2,}/), ['NAME', 'CREATED AT']);
    assert.match(row ?? '', /^compute\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // A default limit with no default request is also the default request.
    const item = await kubectl('get', 'limits', 'compute', '-o', 'jsonpath={.spec.limits[0]}');
    assert.deepEqual(JSON.parse(item.stdout), {
      ...limitRange.spec.limits[0],
      defaultRequest: { cpu: '250m', memory: '256Mi' },
    });
  });

  void it('refuses contradictory bounds with the messages of a real server', async () => {
    const bad = {
      ...limitRange,
      metadata: { name: 'bad', namespace: 'default' },
      spec: { limits: [{ type: 'Container', min: { cpu: '2' }, max: { cpu: '1' } }] },
    };
    const refused = await kubectl.withInput(stringify(bad), 'apply', '-f', '-');
    assert.equal(refused.code, 1);
    assert.equal(
      refused.stderr.trim(),
      [
        'The LimitRange "bad" is invalid: ',
        '* spec.limits[0].min[cpu]: Invalid value: "2": min value 2 is greater than max value 1',
        '* spec.limits[0].defaultRequest[cpu]: Invalid value: "1": min value 2 is greater than default request value 1',
        '* spec.limits[0].default[cpu]: Invalid value: "2": min value 2 is greater than default value 1',
      ].join('\n'),
    );
  });

  void it('fills a pod’s missing requests and limits and says so in an annotation', async () => {
    assert.equal((await kubectl.withInput(pod('plain'), 'create', '-f', '-')).code, 0);
    const read = await kubectl('get', 'pod', 'plain', '-o', resourcesPath);
    assert.deepEqual(JSON.parse(read.stdout), {
      limits: { cpu: '500m', memory: '256Mi' },
      requests: { cpu: '250m', memory: '256Mi' },
    });
    const annotation = await kubectl(
      'get',
      'pod',
      'plain',
      '-o',
      'jsonpath={.metadata.annotations.kubernetes\\.io/limit-ranger} {.status.qosClass}',
    );
    assert.equal(
      annotation.stdout,
      'LimitRanger plugin set: cpu, memory request for container main; cpu, memory limit for container main Burstable',
    );
  });

  void it('takes a lone limit as the request, before the range’s default request', async () => {
    const limited = pod('limited', { limits: { cpu: '800m' } });
    assert.equal((await kubectl.withInput(limited, 'create', '-f', '-')).code, 0);
    const read = await kubectl('get', 'pod', 'limited', '-o', resourcesPath);
    assert.deepEqual(JSON.parse(read.stdout), {
      limits: { cpu: '800m', memory: '256Mi' },
      requests: { cpu: '800m', memory: '256Mi' },
    });
  });

  void it('refuses a container over the max with the message of a real server', async () => {
    const big = pod('big', { limits: { cpu: '2' } });
    const refused = await kubectl.withInput(big, 'create', '-f', '-');
    assert.equal(refused.code, 1);
    assert.equal(
      refused.stderr.trim(),
      'Error from server (Forbidden): error when creating "STDIN": pods "big" is forbidden: maximum cpu usage per Container is 1, but limit is 2',
    );
    const missing = await kubectl('get', 'pod', 'big');
    assert.match(missing.stderr, /NotFound/);
  });

  void it('applies to a Deployment’s pods, which the ReplicaSet creates through admission', async () => {
    const created = await kubectl('create', 'deployment', 'web', '--image=nginx:1.27');
    assert.equal(created.code, 0, created.stderr);
    const rollout = await kubectl('rollout', 'status', 'deployment/web', '--timeout=60s');
    assert.equal(rollout.code, 0, rollout.stderr);
    const read = await kubectl('get', 'pods', '-l', 'app=web', '-o', 'jsonpath={.items[0].spec}');
    const spec = JSON.parse(read.stdout) as { containers: { resources: unknown }[] };
    assert.deepEqual(spec.containers[0]?.resources, {
      limits: { cpu: '500m', memory: '256Mi' },
      requests: { cpu: '250m', memory: '256Mi' },
    });
  });

  void it('refuses a ReplicaSet’s too-big pod with a FailedCreate event', async () => {
    const created = await kubectl('create', 'deployment', 'huge', '--image=nginx:1.27');
    assert.equal(created.code, 0, created.stderr);
    const patched = await kubectl(
      'set',
      'resources',
      'deployment/huge',
      '--limits=cpu=3',
      '--requests=cpu=3',
    );
    assert.equal(patched.code, 0, patched.stderr);
    const messages = await failedCreates(kubectl);
    assert.match(
      messages[0] ?? '',
      /^(huge-[a-z0-9]+): Error creating: pods "\1-[a-z0-9]{5}" is forbidden: maximum cpu usage per Container is 1, but limit is 3$/,
    );
  });
});
