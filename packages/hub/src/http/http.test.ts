import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startTestHub } from '../test-hub.ts';

let hub: Awaited<ReturnType<typeof startTestHub>>;
before(async () => {
  hub = await startTestHub();
  await hub.registerCluster(
    { name: 'prod-eu-1', environment: 'prod', labels: { region: 'eu' } },
    'test',
  );
});
after(() => hub.close());

const inject = (url: string, headers: Record<string, string> = {}) =>
  hub.hub.app.inject({ method: 'GET', url, headers });

void test('/healthz and /readyz answer 200 while the hub serves', async () => {
  assert.equal((await inject('/healthz')).statusCode, 200);
  assert.deepEqual((await inject('/readyz')).json(), { status: 'ready' });
});

void test('/metrics is Prometheus text with HTTP and tunnel series', async () => {
  await inject('/healthz');
  const response = await inject('/metrics');
  assert.equal(response.statusCode, 200);
  assert.match(response.headers['content-type'] ?? '', /^text\/plain/);
  assert.match(
    response.body,
    /flotilla_hub_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/,
  );
  assert.match(response.body, /flotilla_hub_tunnel_sessions 0/);
});

void test('an unknown route is a JSON 404 in the error shape', async () => {
  const response = await inject('/api/v1/nope');
  assert.equal(response.statusCode, 404);
  assert.deepEqual(response.json(), {
    error: { code: 'not_found', message: 'no route for GET /api/v1/nope' },
  });
});

void test('the cluster list needs a valid user token', async () => {
  for (const authorization of [
    undefined,
    'Bearer nope',
    'Basic abc',
    `Bearer ${hub.adminToken}x`,
  ]) {
    const response = await inject(
      '/api/v1/clusters',
      authorization === undefined ? {} : { authorization },
    );
    assert.equal(response.statusCode, 401, `authorization ${authorization ?? '(none)'}`);
    assert.equal(response.json<{ error: { code: string } }>().error.code, 'unauthenticated');
  }
});

void test('an agent credential is not a user token', async () => {
  const agentSecret = await hub.rotateAgentCredential('prod-eu-1', 'test');
  const response = await inject('/api/v1/clusters', { authorization: `Bearer ${agentSecret}` });
  assert.equal(response.statusCode, 401);
});

void test('the admin lists registered clusters with their live state', async () => {
  const response = await inject('/api/v1/clusters', { authorization: `Bearer ${hub.adminToken}` });
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json(), {
    items: [
      {
        name: 'prod-eu-1',
        environment: 'prod',
        labels: { region: 'eu' },
        isConnected: false,
        lastSeenAt: null,
        kubernetesVersion: null,
        nodeCount: null,
        capacity: null,
        agentVersion: null,
      },
    ],
  });
});

void test('registering a cluster twice is a conflict and changes nothing', async () => {
  await assert.rejects(
    hub.registerCluster({ name: 'prod-eu-1', environment: 'dev', labels: {} }, 'test'),
    /already exists/,
  );
  const rows = await hub.hub.db.selectFrom('clusters').select('environment').execute();
  assert.deepEqual(rows, [{ environment: 'prod' }]);
});

void test('every registry mutation is audited, and no secret is stored in clear', async () => {
  const audit = await hub.hub.db
    .selectFrom('audit_events')
    .select(['action', 'kind', 'target'])
    .where('kind', '!=', 'role-binding')
    .orderBy('id')
    .execute();
  assert.deepEqual(audit, [
    { action: 'create', kind: 'user', target: 'admin' },
    { action: 'create', kind: 'token', target: 'admin' },
    { action: 'create', kind: 'cluster', target: 'prod-eu-1' },
    { action: 'rotate', kind: 'agent-credential', target: 'prod-eu-1' },
  ]);
  const hashes = await hub.hub.db.selectFrom('credentials').select('token_hash').execute();
  assert.ok(
    hashes.every(
      (row) => /^[0-9a-f]{64}$/.test(row.token_hash) && !row.token_hash.includes(hub.adminToken),
    ),
  );
});

void test('the dashboard is served with a page fallback for client routes, but not for assets', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'flotilla-dash-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<title>Flotilla</title>');
  await writeFile(join(dir, 'assets', 'app-1234.js'), 'export {};');
  const withDashboard = await startTestHub({ dashboardDir: dir });
  try {
    const get = (url: string) => withDashboard.hub.app.inject({ method: 'GET', url });
    const page = await get('/clusters/prod-eu-1');
    assert.equal(page.statusCode, 200);
    assert.equal(page.body, '<title>Flotilla</title>');
    assert.equal(page.headers['cache-control'], 'no-cache');
    const asset = await get('/assets/app-1234.js');
    assert.match(String(asset.headers['content-type']), /javascript/);
    assert.match(String(asset.headers['cache-control']), /immutable/);
    assert.equal((await get('/assets/missing.js')).statusCode, 404);
    assert.equal(
      (await get('/api/v1/missing')).json<{ error: { code: string } }>().error.code,
      'not_found',
    );
  } finally {
    await withDashboard.close();
  }
});
