// Evictions through @kubernetes/client-node: allowed while a PodDisruptionBudget has room, 429 once it has none.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiException, CoreV1Api, KubeConfig, PolicyV1Api } from '@kubernetes/client-node';
import { startSimulator } from '../index.ts';
import type { Simulator } from '../index.ts';

/** Resolves when `predicate` holds, polling briefly; rejects after `ms`. */
async function eventually(predicate: () => Promise<boolean>, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

void describe('pod eviction and disruption budgets', () => {
  let simulator: Simulator;
  let core: CoreV1Api;
  let policy: PolicyV1Api;
  const namespace = 'shop';

  const podNames = async (): Promise<string[]> =>
    (await core.listNamespacedPod({ namespace, labelSelector: 'app.kubernetes.io/name=api' })).items
      .filter((pod) => !pod.metadata?.deletionTimestamp)
      .map((pod) => pod.metadata?.name ?? '');
  const evict = (name: string) =>
    core.createNamespacedPodEviction({ name, namespace, body: { metadata: { name, namespace } } });

  void before(async () => {
    simulator = await startSimulator({
      clusters: [
        {
          name: 'evict-qa-1',
          environment: 'qa',
          workloads: [{ name: 'api', namespace, replicas: 3 }],
        },
      ],
    });
    const config = new KubeConfig();
    config.loadFromString(simulator.cluster('evict-qa-1').kubeconfig());
    core = config.makeApiClient(CoreV1Api);
    policy = config.makeApiClient(PolicyV1Api);
    await policy.createNamespacedPodDisruptionBudget({
      namespace,
      body: {
        metadata: { name: 'api' },
        spec: { minAvailable: 2, selector: { matchLabels: { 'app.kubernetes.io/name': 'api' } } },
      },
    });
    await eventually(async () => {
      const pdb = await policy.readNamespacedPodDisruptionBudget({ name: 'api', namespace });
      return pdb.status?.disruptionsAllowed === 1;
    });
  });

  void after(() => simulator.close());

  void it('evicts while the budget allows a disruption', async () => {
    const [victim = ''] = await podNames();
    await evict(victim);
    assert.ok(!(await podNames()).includes(victim));
    const pdb = await policy.readNamespacedPodDisruptionBudget({ name: 'api', namespace });
    assert.ok(pdb.status?.disruptedPods?.[victim], 'the eviction is remembered in disruptedPods');
  });

  void it('refuses with 429 TooManyRequests when the budget has no room', async () => {
    await policy.replaceNamespacedPodDisruptionBudget({
      name: 'api',
      namespace,
      body: {
        metadata: { name: 'api' },
        spec: { minAvailable: 3, selector: { matchLabels: { 'app.kubernetes.io/name': 'api' } } },
      },
    });
    await eventually(async () => {
      const pdb = await policy.readNamespacedPodDisruptionBudget({ name: 'api', namespace });
      return pdb.status?.desiredHealthy === 3 && pdb.status.currentHealthy === 3;
    });
    const [victim = ''] = await podNames();
    const error = await evict(victim).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof ApiException);
    assert.equal(error.code, 429);
    const status = JSON.parse(String(error.body)) as Record<string, unknown>;
    assert.equal(status['reason'], 'TooManyRequests');
    assert.equal(
      status['message'],
      "Cannot evict pod as it would violate the pod's disruption budget.",
    );
    assert.deepEqual(status['details'], {
      causes: [
        {
          reason: 'DisruptionBudget',
          message: 'The disruption budget api needs 3 healthy pods and has 3 currently',
        },
      ],
    });
    assert.ok((await podNames()).includes(victim));
  });
});
