// Admission through @kubernetes/client-node: a MutatingWebhookConfiguration's webhook changes the pods
// clients and controllers create, only where its selectors point, and its audit annotations are kept.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AdmissionregistrationV1Api,
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
} from '@kubernetes/client-node';
import type { V1Pod } from '@kubernetes/client-node';
import { startSimulator } from '../index.ts';
import type { SimulatedCluster, Simulator } from '../index.ts';
import { patchAnswer, startWebhookServer } from '../testing/webhook-server.ts';
import type { ReceivedReview, WebhookServer } from '../testing/webhook-server.ts';

async function eventually(predicate: () => Promise<boolean>, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Sets every container's requests, labels the pod, warns and annotates: what a right-sizer does. */
function resize(review: ReceivedReview): Record<string, unknown> {
  const object = review.request['object'] as V1Pod;
  const labels = { ...object.metadata?.labels, resized: 'yes' };
  const requests = { cpu: '250m', memory: '128Mi' };
  const containers = (object.spec?.containers ?? []).map((_, index) => ({
    op: 'add',
    path: `/spec/containers/${index}/resources`,
    value: { requests },
  }));
  return {
    ...patchAnswer([{ op: 'add', path: '/metadata/labels', value: labels }, ...containers]),
    warnings: ['requests set by the test right-sizer'],
    auditAnnotations: { decision: 'resized' },
  };
}

function pod(name: string, labels: Record<string, string> = {}): V1Pod {
  return {
    metadata: { name, labels },
    spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] },
  };
}

void describe('mutating admission webhooks', () => {
  let simulator: Simulator;
  let cluster: SimulatedCluster;
  let webhook: WebhookServer;
  let core: CoreV1Api;
  let apps: AppsV1Api;
  const reviewsOf = (namespace: string) =>
    webhook.received.filter((review) => review.request['namespace'] === namespace);

  void before(async () => {
    webhook = await startWebhookServer(resize);
    simulator = await startSimulator({ clusters: [{ name: 'hooks-dev-1', environment: 'dev' }] });
    cluster = simulator.cluster('hooks-dev-1');
    const config = new KubeConfig();
    config.loadFromString(cluster.kubeconfig());
    core = config.makeApiClient(CoreV1Api);
    apps = config.makeApiClient(AppsV1Api);
    const labels = { rightsizing: 'enabled' };
    await core.createNamespace({ body: { metadata: { name: 'watched', labels } } });
    await core.createNamespace({ body: { metadata: { name: 'plain' } } });
    await config.makeApiClient(AdmissionregistrationV1Api).createMutatingWebhookConfiguration({
      body: {
        metadata: { name: 'right-sizer' },
        webhooks: [
          {
            name: 'resize.flotilla.dev',
            clientConfig: { url: `${webhook.url}/mutate`, caBundle: webhook.caBundle },
            rules: [
              {
                operations: ['CREATE'],
                apiGroups: [''],
                apiVersions: ['v1'],
                resources: ['pods'],
                scope: 'Namespaced',
              },
            ],
            namespaceSelector: { matchLabels: labels },
            objectSelector: {
              matchExpressions: [{ key: 'skip-resize', operator: 'DoesNotExist' }],
            },
            sideEffects: 'None',
            admissionReviewVersions: ['v1'],
            failurePolicy: 'Fail',
          },
        ],
      },
    });
  });

  void after(async () => {
    await simulator.close();
    await webhook.close();
  });

  void it('mutates a created pod and tells the webhook who asked for what', async () => {
    const created = await core.createNamespacedPod({ namespace: 'watched', body: pod('web') });
    assert.equal(created.metadata?.labels?.['resized'], 'yes');
    assert.deepEqual(created.spec?.containers[0]?.resources?.requests, {
      cpu: '250m',
      memory: '128Mi',
    });
    const stored = await core.readNamespacedPod({ name: 'web', namespace: 'watched' });
    assert.equal(stored.metadata?.labels?.['resized'], 'yes');
    const [review] = reviewsOf('watched');
    assert.equal(review?.path, '/mutate?timeout=10s');
    assert.equal(review?.request['operation'], 'CREATE');
    assert.equal(review?.request['name'], 'web');
    assert.deepEqual(review?.request['kind'], { group: '', version: 'v1', kind: 'Pod' });
    assert.deepEqual(review?.request['resource'], { group: '', version: 'v1', resource: 'pods' });
    const user = review?.request['userInfo'] as { username: string; groups: string[] };
    assert.equal(user.username, 'kubernetes-admin');
    assert.ok(user.groups.includes('system:masters'));
    assert.equal(review?.request['dryRun'], false);
  });

  void it('leaves alone namespaces and objects its selectors exclude', async () => {
    const before = webhook.received.length;
    const plain = await core.createNamespacedPod({ namespace: 'plain', body: pod('web') });
    const optedOut = pod('batch', { 'skip-resize': 'true' });
    const skipped = await core.createNamespacedPod({ namespace: 'watched', body: optedOut });
    assert.equal(webhook.received.length, before);
    assert.equal(plain.metadata?.labels?.['resized'], undefined);
    assert.equal(skipped.metadata?.labels?.['resized'], undefined);
  });

  void it("mutates the pods a Deployment's ReplicaSet creates, once each", async () => {
    const labels = { app: 'api' };
    const before = webhook.received.length;
    await apps.createNamespacedDeployment({
      namespace: 'watched',
      body: {
        metadata: { name: 'api' },
        spec: {
          replicas: 3,
          selector: { matchLabels: labels },
          template: { metadata: { labels }, spec: pod('').spec },
        },
      },
    });
    const apiPods = async () =>
      (await core.listNamespacedPod({ namespace: 'watched', labelSelector: 'app=api' })).items;
    await eventually(async () => (await apiPods()).length === 3);
    await eventually(async () => {
      const deployment = await apps.readNamespacedDeployment({ name: 'api', namespace: 'watched' });
      return deployment.status?.replicas === 3;
    });
    const pods = await apiPods();
    assert.equal(pods.length, 3);
    assert.ok(pods.every((p) => p.metadata?.labels?.['resized'] === 'yes'));
    const reviews = webhook.received.slice(before);
    assert.equal(reviews.length, 3);
    for (const review of reviews) {
      const user = review.request['userInfo'] as { username: string };
      assert.equal(user.username, 'system:serviceaccount:kube-system:replicaset-controller');
      // Mutating webhooks see a generated name still unset, as on a real cluster.
      assert.equal(review.request['name'], '');
    }
  });

  void it('keeps the audit annotations of admitted requests', () => {
    const record = cluster.admissionRecords().find((entry) => entry.name === 'web');
    assert.equal(record?.annotations['resize.flotilla.dev/decision'], 'resized');
    const mutation = JSON.parse(
      record?.annotations['mutation.webhook.admission.k8s.io/round_0_index_0'] ?? '{}',
    ) as Record<string, unknown>;
    assert.deepEqual(mutation, {
      configuration: 'right-sizer',
      webhook: 'resize.flotilla.dev',
      mutated: true,
    });
  });
});
