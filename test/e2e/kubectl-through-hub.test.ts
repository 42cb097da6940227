// Real kubectl through the hub: every request goes user → hub → tunnel (HTTP/2 over the agent's
// WebSocket) → agent → simulated API server, and comes back the same way.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, test } from 'node:test';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startFleet, type TestFleet } from './support/fleet.ts';
import { kubectl, spawnKubectl } from './support/kubectl.ts';

let fleet: TestFleet;
const k = (context: string, ...args: string[]) => kubectl(fleet.kubeconfig, context, args);

before(async () => {
  fleet = await startFleet([
    { name: 'dev-1', environment: 'dev', nodes: 2 },
    { name: 'prod-1', environment: 'prod', nodes: 3 },
  ]);
});
after(() => fleet.close());

void test('kubectl get reaches each cluster through the hub', async () => {
  const dev = await k('dev-1', 'get', 'nodes', '-o', 'name');
  assert.equal(dev.code, 0, dev.stderr);
  assert.equal(dev.stdout.trim().split('\n').length, 2);
  const prod = await k('prod-1', 'get', 'nodes', '-o', 'name');
  assert.equal(prod.stdout.trim().split('\n').length, 3);
  const namespaces = await k('prod-1', 'get', 'namespaces');
  assert.match(namespaces.stdout, /^NAME\s+STATUS\s+AGE/m);
  assert.match(namespaces.stdout, /^kube-system\s+Active/m);
});

void test('kubectl apply and delete change the cluster behind the hub, and are audited', async () => {
  const manifest = join(fleet.dir, 'cm.yaml');
  await writeFile(
    manifest,
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: through-hub\n  namespace: default\ndata:\n  answer: "42"\n',
  );
  const applied = await k('dev-1', 'apply', '-f', manifest);
  assert.equal(applied.code, 0, applied.stderr);
  assert.match(applied.stdout, /configmap\/through-hub (created|configured)/);
  const direct = await k(
    'dev-1',
    'get',
    'configmap',
    'through-hub',
    '-o',
    'jsonpath={.data.answer}',
  );
  assert.equal(direct.stdout, '42');
  const deleted = await k('dev-1', 'delete', 'configmap', 'through-hub');
  assert.equal(deleted.code, 0, deleted.stderr);
  assert.match(deleted.stdout, /configmap "through-hub" deleted/);
  const audit = await fleet.hub.hub.db
    .selectFrom('audit_events')
    .select(['actor', 'action', 'cluster', 'target'])
    .where('kind', '=', 'kubernetes')
    .execute();
  assert.ok(
    audit.some(
      (row) =>
        row.action === 'delete' &&
        row.cluster === 'dev-1' &&
        row.target === 'configmaps/through-hub' &&
        row.actor === 'admin',
    ),
  );
  assert.ok(audit.some((row) => row.action === 'create' && row.target === 'configmaps'));
});

void test('a missing object is the API server’s NotFound, passed through', async () => {
  const result = await k('prod-1', 'get', 'pod', 'nope', '-n', 'default');
  assert.equal(result.code, 1);
  assert.match(result.stderr, /Error from server \(NotFound\): pods "nope" not found/);
});

void test('kubectl get --watch streams changes while other requests run', async () => {
  const watch = spawnKubectl(fleet.kubeconfig, 'dev-1', [
    'get',
    'configmaps',
    '-n',
    'default',
    '--watch',
    '-o',
    'name',
  ]);
  let seen = '';
  watch.stdout.on('data', (chunk: Buffer) => (seen += chunk.toString()));
  try {
    for (let i = 0; i < 3; i++) {
      assert.equal(
        (await k('dev-1', 'create', 'configmap', `watched-${String(i)}`, '-n', 'default')).code,
        0,
      );
      assert.equal((await k('prod-1', 'get', 'pods', '-A')).code, 0);
    }
    for (let i = 0; i < 200 && !seen.includes('watched-2'); i++)
      await new Promise((r) => setTimeout(r, 25));
    for (let i = 0; i < 3; i++) assert.match(seen, new RegExp(`configmap/watched-${String(i)}`));
  } finally {
    watch.kill();
    await once(watch, 'close');
  }
});

void test('a cluster whose agent is gone answers 503 at once, naming the cluster', async () => {
  await fleet.agents.get('prod-1')?.close();
  await fleet.waitConnected(1);
  const result = await k('prod-1', 'get', 'pods');
  assert.equal(result.code, 1);
  assert.match(result.stderr, /cluster prod-1 is not connected to the hub; it was last seen at/);
  await fleet.startAgent('prod-1');
  await fleet.waitConnected(2);
  assert.equal((await k('prod-1', 'get', 'nodes')).code, 0);
});

void test('without a valid token kubectl is unauthorized, and nothing reaches the cluster', async () => {
  const bad = join(fleet.dir, 'bad-kubeconfig');
  const { readFile } = await import('node:fs/promises');
  await writeFile(
    bad,
    (await readFile(fleet.kubeconfig, 'utf8')).replace(fleet.adminToken, 'flt_u_wrong'),
  );
  const result = await kubectl(bad, 'dev-1', ['get', 'pods']);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /Unauthorized|must be logged in/);
});
