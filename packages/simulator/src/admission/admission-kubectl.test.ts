// Admission as kubectl users meet it: a validating webhook behind a Service denies with its message, warns,
// sees old and new objects on update; failure policies, timeouts, wrong CAs and invalid configurations.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSimulator } from '../index.ts';
import type { SimulatedCluster, Simulator } from '../index.ts';
import { kubectlFor } from '../testing/kubectl.ts';
import type { Kubectl } from '../testing/kubectl.ts';
import { startWebhookServer } from '../testing/webhook-server.ts';
import type { ReceivedReview, WebhookServer } from '../testing/webhook-server.ts';

/** Denies configmaps holding a `forbidden` key; warns about every other one; slow on /slow. */
async function policy(review: ReceivedReview): Promise<Record<string, unknown>> {
  if (review.path.startsWith('/slow')) {
    await new Promise((resolve) => setTimeout(resolve, 2500));
    return { allowed: true };
  }
  // A DELETE review has no new object.
  const data = (review.request['object'] as { data?: Record<string, string> } | null)?.data ?? {};
  if ('forbidden' in data) {
    const message = 'configmaps may not hold "forbidden"';
    return { allowed: false, status: { code: 403, reason: 'Forbidden', message } };
  }
  return { allowed: true, warnings: ['checked by the guard policy'] };
}

const rule = (resource: string, operations: string[]) => ({
  operations,
  apiGroups: [''],
  apiVersions: ['v1'],
  resources: [resource],
});

function configuration(kind: string, name: string, webhook: Record<string, unknown>): string {
  const common = { sideEffects: 'None', admissionReviewVersions: ['v1'] };
  const document = {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind,
    metadata: { name },
    webhooks: [{ ...common, ...webhook }],
  };
  return JSON.stringify(document);
}

void describe('admission webhooks through kubectl', () => {
  let simulator: Simulator;
  let cluster: SimulatedCluster;
  let guard: WebhookServer;
  let stranger: WebhookServer;
  let kubectl: Kubectl;

  const register = async (kind: string, name: string, webhook: Record<string, unknown>) => {
    const created = await kubectl.withInput(
      configuration(kind, name, webhook),
      'create',
      '-f',
      '-',
    );
    assert.equal(created.code, 0, created.stderr);
  };

  void before(async () => {
    guard = await startWebhookServer(policy, ['policy.guard.svc']);
    stranger = await startWebhookServer(policy);
    simulator = await startSimulator({ clusters: [{ name: 'guard-qa-1', environment: 'qa' }] });
    cluster = simulator.cluster('guard-qa-1');
    kubectl = await kubectlFor(cluster);
    cluster.routeService(
      { namespace: 'guard', name: 'policy', port: 443 },
      {
        host: '127.0.0.1',
        port: guard.port,
      },
    );
    const service = { namespace: 'guard', name: 'policy', path: '/configmaps' };
    await register('ValidatingWebhookConfiguration', 'guard', {
      name: 'guard.flotilla.dev',
      clientConfig: { service, caBundle: guard.caBundle },
      rules: [rule('configmaps', ['CREATE', 'UPDATE'])],
      objectSelector: { matchExpressions: [{ key: 'kube-root', operator: 'DoesNotExist' }] },
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'default' } },
    });
  });

  void after(async () => {
    await kubectl.dispose();
    await simulator.close();
    await guard.close();
    await stranger.close();
  });

  void it('denies with the webhook message and stores nothing', async () => {
    const denied = await kubectl('create', 'configmap', 'bad', '--from-literal=forbidden=1');
    assert.equal(denied.code, 1);
    assert.equal(
      denied.stderr.trim(),
      'error: failed to create configmap: admission webhook "guard.flotilla.dev" denied the request: configmaps may not hold "forbidden"',
    );
    const lookup = await kubectl('get', 'configmap', 'bad');
    assert.match(lookup.stderr, /configmaps "bad" not found/);
  });

  void it("prints the webhook's warnings and reaches it by its Service name", async () => {
    const created = await kubectl('create', 'configmap', 'settings', '--from-literal=mode=fast');
    assert.equal(created.code, 0, created.stderr);
    assert.equal(created.stderr.trim(), 'Warning: checked by the guard policy');
    assert.ok(guard.received.some((review) => review.path === '/configmaps?timeout=10s'));
  });

  void it('tells the webhook about a server-side dry run and stores nothing', async () => {
    const tried = await kubectl(
      'create',
      'configmap',
      'draft',
      '--from-literal=a=1',
      '--dry-run=server',
    );
    assert.equal(tried.code, 0, tried.stderr);
    assert.equal(tried.stdout.trim(), 'configmap/draft created (server dry run)');
    const review = guard.received.find(
      (entry) =>
        (entry.request['object'] as { metadata: { name: string } }).metadata.name === 'draft',
    );
    assert.equal(review?.request['dryRun'], true);
    const lookup = await kubectl('get', 'configmap', 'draft');
    assert.match(lookup.stderr, /configmaps "draft" not found/);
  });

  void it('shows updates with the old and the new object', async () => {
    const labelled = await kubectl('label', 'configmap', 'settings', 'tier=gold');
    assert.equal(labelled.code, 0, labelled.stderr);
    const update = guard.received.find((review) => review.request['operation'] === 'UPDATE');
    const labelsOf = (key: string) =>
      (update?.request[key] as { metadata: { labels?: Record<string, string> } }).metadata.labels;
    assert.equal(labelsOf('object')?.['tier'], 'gold');
    assert.equal(labelsOf('oldObject')?.['tier'], undefined);
  });

  void it('fails closed on an unreachable webhook and open when told to ignore it', async () => {
    await register('ValidatingWebhookConfiguration', 'missing', {
      name: 'missing.flotilla.dev',
      clientConfig: { service: { namespace: 'guard', name: 'missing' } },
      rules: [rule('secrets', ['CREATE'])],
    });
    const refused = await kubectl('create', 'secret', 'generic', 'token', '--from-literal=a=b');
    assert.equal(refused.code, 1);
    assert.equal(
      refused.stderr.trim(),
      'error: failed to create secret Internal error occurred: failed calling webhook "missing.flotilla.dev": failed to call webhook: Post "https://missing.guard.svc:443/?timeout=10s": dial tcp: lookup missing.guard.svc on 10.96.0.10:53: no such host',
    );
    await register('MutatingWebhookConfiguration', 'slow', {
      name: 'slow.flotilla.dev',
      clientConfig: { url: `${guard.url}/slow`, caBundle: guard.caBundle },
      rules: [rule('serviceaccounts', ['CREATE'])],
      timeoutSeconds: 1,
      failurePolicy: 'Ignore',
    });
    const created = await kubectl('create', 'serviceaccount', 'builder');
    assert.equal(created.code, 0, created.stderr);
    assert.ok(guard.received.some((review) => review.path.startsWith('/slow?timeout=1s')));
  });

  void it('refuses a webhook whose certificate its caBundle does not sign', async () => {
    await register('ValidatingWebhookConfiguration', 'untrusted', {
      name: 'untrusted.flotilla.dev',
      clientConfig: { url: `${stranger.url}/configmaps`, caBundle: guard.caBundle },
      rules: [rule('namespaces', ['CREATE'])],
    });
    const refused = await kubectl('create', 'namespace', 'web');
    assert.equal(refused.code, 1);
    assert.match(
      refused.stderr,
      /failed calling webhook "untrusted\.flotilla\.dev": failed to call webhook: Post "https:\/\/127\.0\.0\.1:\d+\/configmaps\?timeout=10s": .*certificate/,
    );
    assert.equal(stranger.received.length, 0);
  });

  void it('asks DELETE webhooks with the old object, and a server dry run deletes nothing', async () => {
    await register('ValidatingWebhookConfiguration', 'keeper', {
      name: 'keeper.flotilla.dev',
      clientConfig: { url: `${guard.url}/keep`, caBundle: guard.caBundle },
      rules: [rule('configmaps', ['DELETE'])],
    });
    const created = await kubectl('create', 'configmap', 'kept', '--from-literal=forbidden=no');
    assert.equal(created.code, 1, 'the guard denies the forbidden key on create');
    assert.equal((await kubectl('create', 'configmap', 'kept', '--from-literal=a=b')).code, 0);
    const tried = await kubectl('delete', 'configmap', 'kept', '--dry-run=server');
    assert.equal(tried.stdout.trim(), 'configmap "kept" deleted (server dry run)');
    assert.equal((await kubectl('get', 'configmap', 'kept')).code, 0);
    const review = guard.received.find((entry) => entry.path.startsWith('/keep'));
    assert.equal(review?.request['operation'], 'DELETE');
    assert.equal(review?.request['object'], null);
    assert.equal(
      (review?.request['oldObject'] as { metadata: { name: string } }).metadata.name,
      'kept',
    );
    assert.equal(review?.request['dryRun'], true);
    const deleted = await kubectl('delete', 'configmap', 'kept');
    assert.equal(deleted.code, 0, deleted.stderr);
    assert.equal((await kubectl('get', 'configmap', 'kept')).code, 1);
  });

  void it('refuses invalid configurations with the API server messages', async () => {
    const invalid = configuration('MutatingWebhookConfiguration', 'sloppy', {
      name: 'sloppy',
      clientConfig: { url: 'http://127.0.0.1:1/hook' },
      sideEffects: 'Some',
      timeoutSeconds: 45,
      rules: [rule('pods', ['CREATE'])],
    });
    const refused = await kubectl.withInput(invalid, 'create', '-f', '-');
    assert.equal(refused.code, 1);
    const expected = [
      'webhooks[0].name: Invalid value: "sloppy": should be a domain with at least three segments separated by dots',
      'webhooks[0].clientConfig.url: Invalid value: "http://127.0.0.1:1/hook": \'https\' is the only allowed URL scheme',
      'webhooks[0].sideEffects: Unsupported value: "Some": supported values: "None", "NoneOnDryRun"',
      'webhooks[0].timeoutSeconds: Invalid value: 45: the timeout value must be between 1 and 30 seconds',
    ];
    assert.match(refused.stderr, /The MutatingWebhookConfiguration "sloppy" is invalid/);
    for (const line of expected)
      assert.ok(refused.stderr.includes(line), `${line}\n${refused.stderr}`);
  });
});
