// Checks that @kubernetes/client-node lists, writes and watches simulated clusters as it would a real one.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppsV1Api, CoreV1Api, KubeConfig, makeInformer } from '@kubernetes/client-node';
import type { V1ConfigMap } from '@kubernetes/client-node';
import { startSimulator } from './index.ts';
import type { Simulator } from './index.ts';

/** Resolves when `predicate` holds, polling briefly; rejects after `ms`. */
async function eventually(predicate: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

void describe('@kubernetes/client-node against a simulated cluster', () => {
  let simulator: Simulator;
  let config: KubeConfig;

  void before(async () => {
    simulator = await startSimulator({
      clusters: [
        {
          name: 'client-qa-1',
          environment: 'qa',
          workloads: [{ name: 'api', namespace: 'team-a', replicas: 3 }],
        },
      ],
    });
    config = new KubeConfig();
    config.loadFromString(simulator.cluster('client-qa-1').kubeconfig());
  });

  void after(() => simulator.close());

  void it('lists pods and deployments with typed clients', async () => {
    const core = config.makeApiClient(CoreV1Api);
    const pods = await core.listNamespacedPod({ namespace: 'team-a' });
    assert.equal(pods.items.length, 3);
    assert.ok(pods.items.every((pod) => pod.status?.phase === 'Running' && pod.spec?.nodeName));
    const apps = config.makeApiClient(AppsV1Api);
    const deployment = await apps.readNamespacedDeployment({ name: 'api', namespace: 'team-a' });
    assert.equal(deployment.status?.readyReplicas, 3);
    assert.equal(deployment.status?.observedGeneration, 1);
  });

  void it('pages through a list with limit and continue', async () => {
    const core = config.makeApiClient(CoreV1Api);
    const first = await core.listPodForAllNamespaces({ limit: 2 });
    assert.equal(first.items.length, 2);
    assert.ok(first.metadata?._continue);
    const rest = await core.listPodForAllNamespaces({
      limit: 100,
      _continue: first.metadata._continue,
    });
    const all = await core.listPodForAllNamespaces();
    assert.equal(first.items.length + rest.items.length, all.items.length);
  });

  void it('feeds an informer with adds, updates and deletes', async () => {
    const core = config.makeApiClient(CoreV1Api);
    const namespace = 'team-a';
    const path = `/api/v1/namespaces/${namespace}/configmaps`;
    const informer = makeInformer<V1ConfigMap>(config, path, () =>
      core.listNamespacedConfigMap({ namespace }),
    );
    const seen: string[] = [];
    informer.on('add', (cm) => seen.push(`add:${cm.metadata?.name ?? ''}`));
    informer.on('update', (cm) =>
      seen.push(`update:${cm.metadata?.name ?? ''}:${cm.data?.['v'] ?? ''}`),
    );
    informer.on('delete', (cm) => seen.push(`delete:${cm.metadata?.name ?? ''}`));
    await informer.start();
    try {
      await eventually(() => seen.includes('add:kube-root-ca.crt'));
      await core.createNamespacedConfigMap({
        namespace,
        body: { metadata: { name: 'watched' }, data: { v: '1' } },
      });
      await eventually(() => seen.includes('add:watched'));
      await core.replaceNamespacedConfigMap({
        name: 'watched',
        namespace,
        body: { metadata: { name: 'watched' }, data: { v: '2' } },
      });
      await eventually(() => seen.includes('update:watched:2'));
      await core.deleteNamespacedConfigMap({ name: 'watched', namespace });
      await eventually(() => seen.includes('delete:watched'));
      assert.equal(informer.get('watched', namespace), undefined);
    } finally {
      await informer.stop();
    }
  });
});
