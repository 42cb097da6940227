// kubectl autoscale posts an autoscaling/v1 autoscaler; the simulator stores it as v2 and serves both versions.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { aggregatedDiscovery } from '../api/aggregated-discovery.ts';
import { resourceTypes } from '../api/resource-types.ts';
import { startSimulator } from '../index.ts';
import type { Simulator } from '../index.ts';
import { kubectlFor } from '../testing/kubectl.ts';
import type { Kubectl } from '../testing/kubectl.ts';

type Json = Record<string, unknown>;

const cpuAt = (averageUtilization: number): Json => ({
  type: 'Resource',
  resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization } },
});

void describe('autoscaling/v1 served over stored autoscaling/v2 autoscalers', () => {
  let simulator: Simulator;
  let kubectl: Kubectl;

  async function json(...args: string[]): Promise<Json> {
    const outcome = await kubectl(...args);
    assert.equal(outcome.code, 0, outcome.stderr);
    return JSON.parse(outcome.stdout) as Json;
  }

  const v1Path = '/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers';

  void before(async () => {
    simulator = await startSimulator({
      clusters: [{ name: 'hpa-dev-1', environment: 'dev', nodes: 1 }],
    });
    kubectl = await kubectlFor(simulator.cluster('hpa-dev-1'));
    const created = await kubectl('create', 'deployment', 'web', '--image=nginx:1.27');
    assert.equal(created.code, 0, created.stderr);
  });

  void after(async () => {
    await kubectl.dispose();
    await simulator.close();
  });

  void it('autoscales a deployment through v1 and reads it back as v2 and v1', async () => {
    const outcome = await kubectl(
      ...['autoscale', 'deployment', 'web', '--max=5', '--min=2', '--cpu-percent=80'],
    );
    assert.equal(outcome.code, 0, outcome.stderr);
    assert.equal(outcome.stdout.trim(), 'horizontalpodautoscaler.autoscaling/web autoscaled');
    const v2 = await json('get', 'hpa', 'web', '-o', 'json');
    assert.equal(v2['apiVersion'], 'autoscaling/v2');
    assert.deepEqual(v2['spec'], {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      minReplicas: 2,
      maxReplicas: 5,
      metrics: [cpuAt(80)],
    });
    const v1 = await json('get', '--raw', `${v1Path}/web`);
    assert.equal(v1['apiVersion'], 'autoscaling/v1');
    assert.deepEqual(v1['spec'], {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      minReplicas: 2,
      maxReplicas: 5,
      targetCPUUtilizationPercentage: 80,
    });
    assert.deepEqual(v1['status'], { currentReplicas: 0, desiredReplicas: 0 });
    const list = await json('get', '--raw', v1Path);
    assert.equal(list['apiVersion'], 'autoscaling/v1');
    assert.equal(list['kind'], 'HorizontalPodAutoscalerList');
    const [item] = list['items'] as Json[];
    assert.equal((item?.['spec'] as Json)['targetCPUUtilizationPercentage'], 80);
  });

  void it('defaults a v1 autoscaler without a CPU target to 80% and min 1', async () => {
    const outcome = await kubectl('autoscale', 'deployment', 'web', '--max=3', '--name=plain');
    assert.equal(outcome.code, 0, outcome.stderr);
    const v2 = await json('get', 'hpa', 'plain', '-o', 'json');
    assert.deepEqual(v2['spec'], {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      minReplicas: 1,
      maxReplicas: 3,
      metrics: [cpuAt(80)],
    });
  });

  void it('converts v2-only fields through v1 annotations and back', async () => {
    const memory = {
      type: 'Resource',
      resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } },
    };
    const hpa = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'both' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        maxReplicas: 4,
        metrics: [cpuAt(50), memory],
      },
    };
    const created = await kubectl.withInput(JSON.stringify(hpa), 'create', '-f', '-');
    assert.equal(created.code, 0, created.stderr);
    const v1 = await json('get', '--raw', `${v1Path}/both`);
    assert.equal((v1['spec'] as Json)['targetCPUUtilizationPercentage'], 50);
    const annotations = (v1['metadata'] as { annotations: Record<string, string> }).annotations;
    assert.deepEqual(JSON.parse(annotations['autoscaling.alpha.kubernetes.io/metrics'] ?? ''), [
      memory,
    ]);
    // A v1 merge patch changes the CPU target and keeps the memory metric the annotation carried.
    const patched = await kubectl(
      ...['patch', 'horizontalpodautoscalers.v1.autoscaling', 'both', '--type=merge'],
      ...['-p', '{"spec":{"targetCPUUtilizationPercentage":60}}'],
    );
    assert.equal(patched.code, 0, patched.stderr);
    const v2 = await json('get', 'hpa', 'both', '-o', 'json');
    assert.deepEqual((v2['spec'] as Json)['metrics'], [cpuAt(60), memory]);
    assert.equal((v2['metadata'] as Json)['annotations'], undefined);
  });

  void it('watches through v1 with converted objects', async () => {
    const outcome = await kubectl('get', '--raw', `${v1Path}?watch=true&timeoutSeconds=1`);
    assert.equal(outcome.code, 0, outcome.stderr);
    const events = outcome.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; object: Json });
    assert.ok(events.length >= 2);
    for (const event of events) {
      assert.equal(event.type, 'ADDED');
      assert.equal(event.object['apiVersion'], 'autoscaling/v1');
      assert.equal(
        typeof (event.object['spec'] as Json)['targetCPUUtilizationPercentage'],
        'number',
      );
    }
  });

  void it('lists v2 as the preferred version in discovery, v1 beside it', async () => {
    const group = await json('get', '--raw', '/apis/autoscaling');
    assert.deepEqual(group['preferredVersion'], { groupVersion: 'autoscaling/v2', version: 'v2' });
    assert.deepEqual(
      (group['versions'] as Json[]).map((v) => v['version']),
      ['v2', 'v1'],
    );
    const aggregated = aggregatedDiscovery(false, 'v2', resourceTypes)['items'] as Json[];
    const autoscaling = aggregated.find(
      (item) => (item['metadata'] as Json)['name'] === 'autoscaling',
    );
    assert.deepEqual(
      (autoscaling?.['versions'] as Json[]).map((v) => v['version']),
      ['v2', 'v1'],
      'aggregated discovery lists the preferred version first',
    );
    const resources = await json('get', '--raw', '/apis/autoscaling/v1');
    const names = (resources['resources'] as Json[]).map((r) => r['name']);
    assert.deepEqual(names, ['horizontalpodautoscalers', 'horizontalpodautoscalers/status']);
  });
});
