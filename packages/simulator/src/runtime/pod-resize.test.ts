// In-place resize through `pods/<name>/resize` with real kubectl: applied when the node fits it, pending when not, refused when it changes more.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { firstPod, startTestCluster } from './test-cluster.ts';
import type { TestCluster } from './test-cluster.ts';

interface PodView {
  spec: { containers: { resources: { requests?: Record<string, string> } }[] };
  status: {
    conditions: { type: string; status: string; reason?: string; message?: string }[];
    containerStatuses: { resources?: { requests?: Record<string, string> } }[];
  };
}

void describe('pods/resize with real kubectl', { timeout: 60_000 }, () => {
  let cluster: TestCluster;
  let pod: string;
  const resize = (patch: unknown) =>
    cluster.kubectl(
      'patch',
      'pod',
      pod,
      '-n',
      'shop',
      '--subresource=resize',
      '-p',
      JSON.stringify(patch),
    );
  const requests = (cpu: string, extra: Record<string, unknown> = {}) => ({
    spec: { containers: [{ name: 'web', resources: { requests: { cpu }, ...extra } }] },
  });
  const view = async (): Promise<PodView> =>
    JSON.parse(
      (await cluster.kubectl('get', 'pod', pod, '-n', 'shop', '-o', 'json')).stdout,
    ) as PodView;

  void before(async () => {
    cluster = await startTestCluster({
      clusters: [
        {
          name: 'resize-1',
          environment: 'dev',
          nodes: 1,
          nodeCapacity: { cpu: '4', memory: '16Gi' },
          workloads: [
            {
              name: 'web',
              namespace: 'shop',
              tier: 'web',
              requests: { cpu: '100m', memory: '128Mi' },
            },
          ],
        },
      ],
    });
    pod = await firstPod(cluster, 'shop', 'app.kubernetes.io/name=web');
  });

  void after(() => cluster.close());

  void it('applies a resize the node can hold: spec and status resources both change', async () => {
    const { code, stdout, stderr } = await resize(requests('300m'));
    assert.equal(code, 0, stderr);
    assert.match(stdout, /pod\/\S+ patched/);
    const after = await view();
    assert.equal(after.spec.containers[0]?.resources.requests?.['cpu'], '300m');
    assert.equal(after.status.containerStatuses[0]?.resources?.requests?.['cpu'], '300m');
    assert.ok(!after.status.conditions.some((c) => c.type === 'PodResizePending'));
  });

  void it('marks a resize past the node capacity as Infeasible and keeps running the old size', async () => {
    assert.equal((await resize(requests('64'))).code, 0);
    const after = await view();
    assert.equal(after.spec.containers[0]?.resources.requests?.['cpu'], '64');
    assert.equal(after.status.containerStatuses[0]?.resources?.requests?.['cpu'], '300m');
    const pending = after.status.conditions.find((c) => c.type === 'PodResizePending');
    assert.equal(pending?.reason, 'Infeasible');
    assert.match(
      pending?.message ?? '',
      /Node didn't have enough capacity: cpu, requested: 64000, capacity: 4000/,
    );
  });

  void it('refuses a change of QoS class', async () => {
    const guaranteed = { limits: { cpu: '200m', memory: '128Mi' } };
    const patch = {
      spec: {
        containers: [
          { name: 'web', resources: { requests: { cpu: '200m', memory: '128Mi' }, ...guaranteed } },
        ],
      },
    };
    const { code, stderr } = await resize(patch);
    assert.equal(code, 1);
    assert.match(stderr, /Pod QoS is immutable/);
  });

  void it('refuses changes to anything but resources', async () => {
    const { code, stderr } = await resize({
      spec: { containers: [{ name: 'web', image: 'nginx:1.28' }] },
    });
    assert.equal(code, 1);
    assert.match(stderr, /is invalid: spec: Forbidden: only cpu and memory resources are mutable/);
  });
});
