// `kubectl top` against a simulated cluster: metrics.k8s.io serves usage from the models, shaped by the clock.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { manualClock } from '../runtime/clocks.ts';
import { startTestCluster } from '../runtime/test-cluster.ts';
import type { TestCluster } from '../runtime/test-cluster.ts';

const midnight = Date.parse('2025-06-01T00:00:00Z');

/** Millicores and MiB by pod name, from `kubectl top pods` output. */
function usageByPod(stdout: string): Map<string, { cpu: number; memory: number }> {
  const rows = stdout.trim().split('\n').slice(1);
  return new Map(
    rows.map((row) => {
      const [name = '', cpu = '', memory = ''] = row.trim().split(/\s+/);
      return [
        name,
        { cpu: Number(cpu.replace('m', '')), memory: Number(memory.replace('Mi', '')) },
      ];
    }),
  );
}

void describe('metrics.k8s.io with kubectl top', { timeout: 60_000 }, () => {
  const clock = manualClock(midnight);
  let cluster: TestCluster;

  void before(async () => {
    cluster = await startTestCluster({
      clock,
      clusters: [
        {
          name: 'top-1',
          environment: 'dev',
          nodes: 2,
          workloads: [
            {
              name: 'web',
              namespace: 'shop',
              tier: 'web',
              replicas: 2,
              usage: { model: 'diurnal', cpu: '200m', memory: '100Mi' },
            },
            {
              name: 'hog',
              namespace: 'shop',
              tier: 'worker',
              usage: { model: 'steady', cpu: '2' },
              limits: { cpu: '500m', memory: '1Gi' },
            },
            { name: 'quiet', namespace: 'shop', tier: 'worker', usage: { model: 'idle' } },
          ],
        },
      ],
    });
    clock.advance(60_000);
  });

  void after(() => cluster.close());

  void it('lists metrics.k8s.io in discovery', async () => {
    const { stdout } = await cluster.kubectl('api-resources', '--api-group=metrics.k8s.io');
    assert.match(stdout, /^pods\s+metrics\.k8s\.io\/v1beta1\s+true\s+PodMetrics$/m);
    assert.match(stdout, /^nodes\s+metrics\.k8s\.io\/v1beta1\s+false\s+NodeMetrics$/m);
  });

  void it('prints pod usage with kubectl top pods', async () => {
    const { code, stdout } = await cluster.kubectl('top', 'pods', '-n', 'shop');
    assert.equal(code, 0);
    assert.match(stdout, /^NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)\s*$/m);
    assert.match(stdout, /^web-\S+\s+\d+m\s+\d+Mi\s*$/m);
    assert.equal(usageByPod(stdout).size, 4);
  });

  void it('caps CPU at the limit, as throttling does', async () => {
    const usage = usageByPod((await cluster.kubectl('top', 'pods', '-n', 'shop')).stdout);
    const hog = [...usage].find(([name]) => name.startsWith('hog-'))?.[1];
    assert.equal(hog?.cpu, 500);
    const quiet = [...usage].find(([name]) => name.startsWith('quiet-'))?.[1];
    assert.ok((quiet?.cpu ?? 99) <= 2, `an idle container uses next to no CPU, got ${quiet?.cpu}m`);
  });

  void it('follows the day: diurnal pods use more at noon than at midnight, the same at the same instant', async () => {
    const web = (text: string) => [...usageByPod(text)].filter(([name]) => name.startsWith('web-'));
    const night = web((await cluster.kubectl('top', 'pods', '-n', 'shop')).stdout);
    const again = web((await cluster.kubectl('top', 'pods', '-n', 'shop')).stdout);
    assert.deepEqual(again, night);
    clock.set(midnight + 12 * 3_600_000);
    const noon = web((await cluster.kubectl('top', 'pods', '-n', 'shop')).stdout);
    for (const [i, [, atNoon]] of noon.entries()) {
      const atNight = night[i]?.[1].cpu ?? Infinity;
      assert.ok(atNoon.cpu > 2 * atNight, `noon ${atNoon.cpu}m vs midnight ${atNight}m`);
    }
  });

  void it('prints node usage with kubectl top nodes', async () => {
    const { code, stdout } = await cluster.kubectl('top', 'nodes');
    assert.equal(code, 0);
    assert.match(stdout, /^NAME\s+CPU\(cores\)\s+CPU\(%\)\s+MEMORY\(bytes\)\s+MEMORY\(%\)\s*$/m);
    assert.match(stdout, /^top-1-node-1\s+\d+m\s+\d+%\s+\d+Mi\s+\d+%\s*$/m);
    assert.match(stdout, /^top-1-node-2\s+\d+m\s+\d+%\s+\d+Mi\s+\d+%\s*$/m);
  });
});
