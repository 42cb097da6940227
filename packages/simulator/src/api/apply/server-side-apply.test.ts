// Server-side apply through real kubectl and raw HTTP: creation, ownership, conflicts and force.
import assert from 'node:assert/strict';
import { request } from 'node:https';
import { after, before, describe, it } from 'node:test';
import { manualClock, startSimulator } from '../../index.ts';
import type { SimulatedCluster, Simulator } from '../../index.ts';
import { kubectlFor } from '../../testing/kubectl.ts';
import type { Kubectl } from '../../testing/kubectl.ts';

const deployment = (replicas: number, image = 'nginx:1.27') => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: default}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: ${image}
`;

/** One HTTPS request to `cluster` as its admin: status and parsed JSON body. */
function call(cluster: SimulatedCluster, method: string, path: string, body: string, type: string) {
  return new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
    const url = new URL(path, cluster.url);
    const headers = { authorization: `Bearer ${cluster.token}`, 'content-type': type };
    const req = request(url, { method, headers, ca: cluster.caCertificate }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

void describe('server-side apply', () => {
  let simulator: Simulator;
  let cluster: SimulatedCluster;
  let kubectl: Kubectl;
  const clock = manualClock(Date.parse('2025-06-01T12:00:00Z'));
  const replicas = async () =>
    (await kubectl('get', 'deploy', 'web', '-n', 'default', '-o', 'jsonpath={.spec.replicas}'))
      .stdout;

  void before(async () => {
    simulator = await startSimulator({
      clusters: [{ name: 'ssa-dev-1', environment: 'dev', nodes: 1 }],
      clock,
    });
    cluster = simulator.cluster('ssa-dev-1');
    kubectl = await kubectlFor(cluster);
  });

  void after(async () => {
    await kubectl.dispose();
    await simulator.close();
  });

  void it('creates, then re-applies without a change', async () => {
    const created = await kubectl.withInput(deployment(2), 'apply', '--server-side', '-f', '-');
    assert.equal(created.stdout.trim(), 'deployment.apps/web serverside-applied', created.stderr);
    const version = async () =>
      (await kubectl('get', 'deploy', 'web', '-o', 'jsonpath={.metadata.resourceVersion}')).stdout;
    const before = await version();
    clock.advance(5000); // a later time must not make a repeated apply a change
    const again = await kubectl.withInput(deployment(2), 'apply', '--server-side', '-f', '-');
    assert.equal(again.code, 0);
    assert.equal(await version(), before);
  });

  void it('records the applier as a manager with its field set', async () => {
    const { stdout } = await kubectl('get', 'deploy', 'web', '-o', 'yaml', '--show-managed-fields');
    assert.match(
      stdout,
      /^ {2}managedFields:\n {2}- apiVersion: apps\/v1\n {4}fieldsType: FieldsV1/m,
    );
    assert.match(stdout, /^ {4}manager: kubectl\n {4}operation: Apply$/m);
    assert.match(stdout, /^ {8}f:replicas: \{\}$/m);
    assert.match(stdout, /^ {14}k:\{"name":"web"\}:\n {16}\.: \{\}\n {16}f:image: \{\}/m);
    const hidden = await kubectl('get', 'deploy', 'web', '-o', 'yaml');
    assert.doesNotMatch(hidden.stdout, /managedFields/);
  });

  void it('conflicts with kubectl scale over .spec.replicas until forced', async () => {
    assert.equal((await kubectl('scale', 'deploy', 'web', '--replicas=5')).code, 0);
    const refused = await kubectl.withInput(deployment(3), 'apply', '--server-side', '-f', '-');
    assert.equal(refused.code, 1);
    assert.match(
      refused.stderr,
      /^error: Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps\/v1: \.spec\.replicas$/m,
    );
    assert.equal(await replicas(), '5');
    const forced = await kubectl.withInput(
      deployment(3),
      'apply',
      '--server-side',
      '--force-conflicts',
      '-f',
      '-',
    );
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal(await replicas(), '3');
    const { stdout } = await kubectl('get', 'deploy', 'web', '-o', 'yaml', '--show-managed-fields');
    assert.doesNotMatch(stdout, /subresource: scale/);
  });

  void it('answers the conflict Status with one FieldManagerConflict cause per field', async () => {
    await kubectl('scale', 'deploy', 'web', '--replicas=4');
    const path = '/apis/apps/v1/namespaces/default/deployments/web?fieldManager=kubectl';
    const reply = await call(cluster, 'PATCH', path, deployment(2), 'application/apply-patch+yaml');
    assert.equal(reply.status, 409);
    assert.equal(reply.body['reason'], 'Conflict');
    assert.deepEqual(reply.body['details'], {
      causes: [
        {
          reason: 'FieldManagerConflict',
          message: 'conflict with "kubectl" with subresource "scale" using apps/v1',
          field: '.spec.replicas',
        },
      ],
    });
  });

  void it('merges containers by name and leaves other managers their fields', async () => {
    const path = '/apis/apps/v1/namespaces/default/deployments/web?fieldManager=sidecar-injector';
    const sidecar = JSON.stringify({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: { template: { spec: { containers: [{ name: 'proxy', image: 'envoy:1' }] } } },
    });
    const reply = await call(cluster, 'PATCH', path, sidecar, 'application/apply-patch+yaml');
    assert.equal(reply.status, 200);
    const names = await kubectl(
      'get',
      'deploy',
      'web',
      '-o',
      'jsonpath={.spec.template.spec.containers[*].name}',
    );
    assert.equal(names.stdout, 'web proxy');
  });

  void it('requires a field manager for apply', async () => {
    const path = '/apis/apps/v1/namespaces/default/deployments/web';
    const reply = await call(cluster, 'PATCH', path, deployment(2), 'application/apply-patch+yaml');
    assert.equal(reply.status, 422);
    assert.equal(
      reply.body['message'],
      'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
    );
  });

  void it('stores nothing on a dry run, and diff --server-side shows the change', async () => {
    const manifest = deployment(4, 'nginx:1.28').replace('name: web,', 'name: dry,');
    const dry = await kubectl.withInput(
      manifest,
      'apply',
      '--server-side',
      '--dry-run=server',
      '-f',
      '-',
    );
    assert.equal(dry.stdout.trim(), 'deployment.apps/dry serverside-applied (server dry run)');
    assert.match((await kubectl('get', 'deploy', 'dry')).stderr, /NotFound/);
    await kubectl.withInput(
      deployment(4).replace('name: web,', 'name: dry,'),
      'apply',
      '--server-side',
      '-f',
      '-',
    );
    const diff = await kubectl.withInput(manifest, 'diff', '--server-side', '-f', '-');
    assert.equal(diff.code, 1);
    assert.match(diff.stdout, /^-\s+- image: nginx:1\.27$/m);
    assert.match(diff.stdout, /^\+\s+- image: nginx:1\.28$/m);
    const image = await kubectl(
      'get',
      'deploy',
      'dry',
      '-o',
      'jsonpath={.spec.template.spec.containers[0].image}',
    );
    assert.equal(image.stdout, 'nginx:1.27');
  });

  void it('records an Update manager for client-side writes', async () => {
    const cm =
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c1, namespace: default}\ndata: {a: b}\n';
    await kubectl.withInput(cm, 'apply', '-f', '-');
    const { stdout } = await kubectl('get', 'cm', 'c1', '-o', 'yaml', '--show-managed-fields');
    assert.match(stdout, /^ {4}manager: kubectl-client-side-apply\n {4}operation: Update$/m);
    assert.match(stdout, /^ {6}f:data:\n {8}f:a: \{\}$/m);
    const taken = await kubectl.withInput(
      cm.replace('a: b', 'a: c'),
      'apply',
      '--server-side',
      '-f',
      '-',
    );
    assert.match(taken.stderr, /conflict with "kubectl-client-side-apply" using v1: \.data\.a/);
  });
});
