// A @kubernetes/client-node informer through the hub keeps seeing changes across an agent
// reconnect and a hub restart (it relists and rewatches, as informers do after an error).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  CoreV1Api,
  KubeConfig,
  makeInformer,
  type Informer,
  type V1ConfigMap,
} from '@kubernetes/client-node';
import { startFleet, until, type TestFleet } from './support/fleet.ts';

let fleet: TestFleet;
let informer: Informer<V1ConfigMap>;
const seen = new Set<string>();
let core: CoreV1Api;
let isStopped = false;

before(async () => {
  fleet = await startFleet([{ name: 'dev-1', environment: 'dev', nodes: 1 }]);
  const config = new KubeConfig();
  config.loadFromFile(fleet.kubeconfig);
  config.setCurrentContext('dev-1');
  core = config.makeApiClient(CoreV1Api);
  const path = '/api/v1/namespaces/default/configmaps';
  informer = makeInformer(config, path, () =>
    core.listNamespacedConfigMap({ namespace: 'default' }),
  );
  informer.on('add', (cm) => seen.add(cm.metadata?.name ?? ''));
  informer.on('error', () => {
    if (!isStopped) setTimeout(() => void informer.start().catch(() => undefined), 300);
  });
  await informer.start();
});

after(async () => {
  isStopped = true;
  await informer.stop();
  await fleet.close();
});

async function createAndSee(name: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name } } });
      break;
    } catch (error) {
      if (attempt > 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  await until(() => seen.has(name), `the informer to see ${name}`, 20_000);
}

void test('the informer sees an add through the hub', async () => {
  await createAndSee('first');
  assert.ok(seen.has('first'));
});

void test('it keeps seeing changes after its agent reconnects', async () => {
  await fleet.agents.get('dev-1')?.close();
  await fleet.startAgent('dev-1');
  await fleet.waitConnected(1);
  await createAndSee('after-agent-restart');
});

void test('it keeps seeing changes after the hub restarts', async () => {
  await fleet.restartHub();
  await fleet.waitConnected(1, 20_000);
  await createAndSee('after-hub-restart');
});
