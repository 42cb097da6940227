// reinvocationPolicy IfNeeded: a mutating webhook whose view a later webhook changed is called once more.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AdmissionregistrationV1Api, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import type { V1MutatingWebhook, V1Pod } from '@kubernetes/client-node';
import { startSimulator } from '../index.ts';
import type { SimulatedCluster, Simulator } from '../index.ts';
import { patchAnswer, startWebhookServer } from '../testing/webhook-server.ts';
import type { ReceivedReview, WebhookServer } from '../testing/webhook-server.ts';

/** /count labels the pod with its number of containers; /sidecar adds a container once. */
function answer(review: ReceivedReview): Record<string, unknown> {
  const pod = review.request['object'] as V1Pod;
  const containers = pod.spec?.containers ?? [];
  if (review.path.startsWith('/count')) {
    const labels = { ...pod.metadata?.labels, containers: String(containers.length) };
    return patchAnswer([{ op: 'add', path: '/metadata/labels', value: labels }]);
  }
  if (containers.some((container) => container.name === 'proxy')) return { allowed: true };
  const sidecar = { name: 'proxy', image: 'envoy:1.31' };
  return patchAnswer([{ op: 'add', path: '/spec/containers/-', value: sidecar }]);
}

let simulator: Simulator;
let cluster: SimulatedCluster;
let webhook: WebhookServer;
let core: CoreV1Api;

function hook(name: string, path: string, reinvocationPolicy: string): V1MutatingWebhook {
  return {
    name,
    clientConfig: { url: `${webhook.url}${path}`, caBundle: webhook.caBundle },
    rules: [{ operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods'] }],
    sideEffects: 'None',
    admissionReviewVersions: ['v1'],
    reinvocationPolicy,
  };
}

before(async () => {
  webhook = await startWebhookServer(answer);
  simulator = await startSimulator({ clusters: [{ name: 'again-dev-1', environment: 'dev' }] });
  cluster = simulator.cluster('again-dev-1');
  const config = new KubeConfig();
  config.loadFromString(cluster.kubeconfig());
  core = config.makeApiClient(CoreV1Api);
  const admission = config.makeApiClient(AdmissionregistrationV1Api);
  // Configurations run in name order: the counter first, the sidecar injector after it.
  const configurations: [string, V1MutatingWebhook][] = [
    ['a-counter', hook('count.flotilla.dev', '/count', 'IfNeeded')],
    ['b-injector', hook('sidecar.flotilla.dev', '/sidecar', 'Never')],
  ];
  for (const [name, entry] of configurations) {
    const body = { metadata: { name }, webhooks: [entry] };
    await admission.createMutatingWebhookConfiguration({ body });
  }
});

after(async () => {
  await simulator.close();
  await webhook.close();
});

void test('an IfNeeded webhook sees the sidecar a later webhook added', async () => {
  const body = {
    metadata: { name: 'web' },
    spec: { containers: [{ name: 'app', image: 'nginx' }] },
  };
  const pod = await core.createNamespacedPod({ namespace: 'default', body });
  assert.deepEqual(
    pod.spec?.containers.map((container) => container.name),
    ['app', 'proxy'],
  );
  assert.equal(pod.metadata?.labels?.['containers'], '2');
  const paths = webhook.received.map((review) => review.path.split('?')[0]);
  assert.deepEqual(paths, ['/count', '/sidecar', '/count']);
  const annotations = cluster.admissionRecords().at(-1)?.annotations ?? {};
  assert.ok('mutation.webhook.admission.k8s.io/round_1_index_0' in annotations);
});
