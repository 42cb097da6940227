// Who reaches which cluster through the hub: the hub's rules first (a user bound to one cluster
// gets 403 everywhere else, however the path is spelled), then the child's RBAC, which sees the
// hub user impersonated — never the user's own hub credential.
import assert from 'node:assert/strict';
import { request } from 'node:https';
import { after, before, test } from 'node:test';
import { readFile, writeFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { runCli } from './support/cli.ts';
import { join } from 'node:path';
import { agentInfo } from '@flotilla/protocol';
import { hubKubeconfig } from 'flotilla';
import { startFleet, type TestFleet } from './support/fleet.ts';
import { kubectl } from './support/kubectl.ts';

let fleet: TestFleet;
let aliceToken = '';
let aliceKubeconfig = '';

async function api(path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${fleet.hub.url}/api/v1${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${fleet.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.equal(response.status, 201, await response.clone().text());
  return response.json();
}

before(async () => {
  fleet = await startFleet([
    { name: 'dev-1', environment: 'dev', nodes: 1 },
    { name: 'prod-1', environment: 'prod', nodes: 1 },
  ]);
  await api('/users', { name: 'alice' });
  aliceToken = ((await api('/users/alice/tokens', {})) as { token: string }).token;
  await api('/role-bindings', {
    role: 'viewer',
    subject: { kind: 'user', name: 'alice' },
    scope: { kind: 'clusters', clusters: ['dev-1'] },
  });
  aliceKubeconfig = join(fleet.dir, 'alice.kubeconfig');
  const access = { user: 'alice', token: aliceToken, caPem: fleet.hubCa };
  await writeFile(
    aliceKubeconfig,
    hubKubeconfig(fleet.hub.secureUrl ?? '', ['dev-1', 'prod-1'], access),
  );
});
after(() => fleet.close());

/** A raw HTTPS GET to the hub, so paths reach it exactly as written (no client normalisation). */
function rawGet(path: string, token: string): Promise<number> {
  const url = new URL(fleet.hub.secureUrl ?? '');
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        ca: fleet.hubCa,
        headers: { authorization: `Bearer ${token}` },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

void test('a viewer of dev-1 reads dev-1 through the hub', async () => {
  const result = await kubectl(aliceKubeconfig, 'dev-1', ['get', 'pods', '-A', '-o', 'name']);
  assert.equal(result.code, 0, result.stderr);
});

void test('the child judges the impersonated hub user with its own RBAC', async () => {
  // `view` (bound to flotilla:viewer by the install manifests) does not cover nodes, and the
  // child says so about alice — not about the agent's service account.
  const nodes = await kubectl(aliceKubeconfig, 'dev-1', ['get', 'nodes']);
  assert.equal(nodes.code, 1);
  assert.match(nodes.stderr, /nodes is forbidden: User "alice" cannot list resource "nodes"/);
  // alice has no binding of her own in the child: only the group the hub adds grants this.
  const canList = await kubectl(aliceKubeconfig, 'dev-1', [
    'auth',
    'can-i',
    'list',
    'pods',
    '-n',
    'default',
  ]);
  assert.equal(canList.stdout.trim(), 'yes', canList.stderr);
  const canDelete = await kubectl(aliceKubeconfig, 'dev-1', [
    'auth',
    'can-i',
    'delete',
    'pods',
    '-n',
    'default',
  ]);
  assert.equal(canDelete.stdout.trim(), 'no');
});

void test('the hub refuses what the role does not grant, naming the permission', async () => {
  const result = await kubectl(aliceKubeconfig, 'dev-1', ['delete', 'namespace', 'default']);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /alice lacks kubernetes:delete on cluster dev-1/);
});

const prodPaths = [
  '/k8s/clusters/prod-1/api/v1/pods',
  '/k8s/clusters/prod-1/api/v1/namespaces/default/secrets',
  '/k8s/clusters/prod-1/version',
  '/k8s/clusters/prod-1',
  '/k8s/clusters/prod-1/api/v1/namespaces/default/pods/x/exec?command=sh',
];
const trickPaths = [
  '/k8s/clusters/dev-1/../prod-1/api/v1/pods',
  '/k8s/clusters/dev-1/%2e%2e/prod-1/api/v1/pods',
  '/k8s/clusters/dev-1%2F..%2Fprod-1/api/v1/pods',
  '/k8s/clusters/prod%2D1/api/v1/pods',
  '/k8s/clusters/dev-1/api/v1/%2e%2e/%2e%2e/%2e%2e/prod-1/api/v1/pods',
];

void test('a user without access to prod-1 gets 403 on every path under it', async () => {
  for (const path of prodPaths) assert.equal(await rawGet(path, aliceToken), 403, path);
  const viaKubectl = await kubectl(aliceKubeconfig, 'prod-1', ['get', 'pods']);
  assert.match(viaKubectl.stderr, /Forbidden|forbidden/);
});

void test('encoded separators and dot segments never reach another cluster', async () => {
  for (const path of trickPaths) {
    const status = await rawGet(path, aliceToken);
    assert.ok(status === 400 || status === 403, `${path} → ${String(status)}`);
  }
  const audit = await fleet.hub.hub.db
    .selectFrom('audit_events')
    .select(['actor', 'cluster'])
    .where('kind', '=', 'kubernetes')
    .execute();
  assert.ok(
    !audit.some((row) => row.actor === 'alice' && row.cluster === 'prod-1'),
    'no proxied request of alice reached prod-1',
  );
});

void test('flotilla kubeconfig gives alice a context for each cluster she may read, and it works', async () => {
  const ca = join(fleet.dir, 'hub-ca.pem');
  await writeFile(ca, fleet.hubCa);
  const file = join(fleet.dir, 'alice-generated.kubeconfig');
  const args = [
    'kubeconfig',
    '--hub',
    fleet.hub.url,
    '--token',
    aliceToken,
    '--certificate-authority',
    ca,
    '--file',
    file,
  ];
  const result = await runCli(args, { cwd: fleet.dir });
  assert.equal(result.code, 0, result.stderr);
  const config = parse(await readFile(file, 'utf8')) as {
    contexts: { name: string }[];
    users: { name: string }[];
  };
  assert.deepEqual(
    config.contexts.map((c) => c.name),
    ['dev-1'],
  );
  assert.equal(config.users[0]?.name, 'alice');
  const pods = await kubectl(file, 'dev-1', ['get', 'pods', '-A', '-o', 'name']);
  assert.equal(pods.code, 0, pods.stderr);
});

void test("the agent's own API answers through the hub, under the same access rules", async () => {
  const get = (cluster: string, token: string) =>
    fetch(`${fleet.hub.url}/api/v1/clusters/${cluster}/agent/v1/info`, {
      headers: { authorization: `Bearer ${token}` },
    });
  const info = await get('dev-1', aliceToken);
  assert.equal(info.status, 200);
  // The shape the OpenAPI document promises for this endpoint.
  const body = agentInfo.parse(await info.json());
  assert.equal(body.cluster, 'dev-1');
  assert.equal(body.nodeCount, 1);
  assert.ok((body.capacity?.cpuMillicores ?? 0) > 0);
  assert.equal((await get('prod-1', aliceToken)).status, 403);
  assert.equal(
    (
      await fetch(`${fleet.hub.url}/api/v1/clusters/dev-1/agent/v1/nope`, {
        headers: { authorization: `Bearer ${aliceToken}` },
      })
    ).status,
    404,
  );
});
