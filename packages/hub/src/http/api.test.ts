// The REST API's behaviour: scoped grants, own tokens, validation, OpenAPI, join tokens and the
// audit trail as clients see them; and that no secret is ever stored or logged in clear.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, test } from 'node:test';
import { pino } from 'pino';
import { parseSettings } from '@flotilla/protocol';
import { hubSettings } from '../config.ts';
import { startHub, type RunningHub } from '../start-hub.ts';
import { createUser } from '../access/users.ts';
import { createRoleBinding } from '../access/role-bindings.ts';
import { issueCredential } from '../access/credentials.ts';

let hub: RunningHub;
let admin = '';
let log = '';
before(async () => {
  const sink = new Writable({
    write: (chunk: Buffer, _enc, done) => ((log += chunk.toString()), done()),
  });
  const config = parseSettings(hubSettings, {
    port: '0',
    store: 'sqlite::memory:',
    logLevel: 'trace',
  });
  hub = await startHub(config, pino({ level: 'trace' }, sink), { quiet: true });
  admin = hub.bootstrapAdminToken ?? '';
});
after(() => hub.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
async function api(method: Method, url: string, token: string, payload?: object) {
  const response = await hub.hub.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { authorization: `Bearer ${token}` },
    ...(payload === undefined ? {} : { payload }),
  });
  return { status: response.statusCode, body: response.body, json: <T>() => response.json<T>() };
}

void test('an environment-scoped operator changes its environment and nothing else', async () => {
  const db = hub.hub.db;
  await createUser(db, { name: 'devops', kind: 'user' }, { name: 't' }, new Date());
  const scope = { kind: 'environments', environments: ['dev'] } as const;
  await createRoleBinding(
    db,
    { role: 'operator', subject: { kind: 'user', name: 'devops' }, scope },
    { name: 't' },
    new Date(),
  );
  const { secret } = await issueCredential(db, 'user', 'devops', new Date());
  await api('POST', '/clusters', admin, { name: 'dev-a', environment: 'dev' });
  await api('POST', '/clusters', admin, { name: 'prod-a', environment: 'prod' });
  const list = await api('GET', '/clusters', secret);
  assert.deepEqual(
    list.json<{ items: { name: string }[] }>().items.map((c) => c.name),
    ['dev-a'],
  );
  assert.equal(
    (await api('PATCH', '/clusters/dev-a', secret, { labels: { team: 'x' } })).status,
    200,
  );
  const denied = await api('PATCH', '/clusters/prod-a', secret, { labels: { team: 'x' } });
  assert.equal(denied.status, 403);
  assert.equal(
    denied.json<{ error: { message: string } }>().error.message,
    'devops lacks clusters:read on cluster prod-a',
  );
  assert.equal((await api('POST', '/join-tokens', secret, { environment: 'dev' })).status, 201);
  assert.equal((await api('POST', '/join-tokens', secret, { environment: 'prod' })).status, 403);
  assert.equal((await api('GET', '/audit?cluster=dev-a', secret)).status, 200);
  assert.equal((await api('GET', '/audit?cluster=prod-a', secret)).status, 403);
});

void test('a user creates, lists and revokes its own tokens; a revoked token stops working', async () => {
  await api('POST', '/users', admin, { name: 'ci', kind: 'service-account' });
  const created = await api('POST', '/users/ci/tokens', admin, { description: 'pipeline' });
  assert.equal(created.status, 201);
  const { token, info } = created.json<{ token: string; info: { id: string } }>();
  assert.match(token, /^flt_u_/);
  const mine = await api('GET', '/users/ci/tokens', token);
  assert.equal(mine.status, 200);
  const listed = mine.json<{ items: { id: string; lastUsedAt: string | null }[] }>().items;
  assert.ok(listed.some((t) => t.id === info.id && t.lastUsedAt !== null));
  assert.ok(!mine.body.includes(token));
  assert.equal((await api('DELETE', `/users/ci/tokens/${info.id}`, token)).status, 200);
  assert.equal((await api('GET', '/whoami', token)).status, 401);
});

void test('bodies, params and queries are validated: unknown fields and bad names are 400', async () => {
  const cases: [Method, string, object | undefined][] = [
    ['POST', '/clusters', { name: 'Bad_Name', environment: 'dev' }],
    ['POST', '/clusters', { name: 'ok', environment: 'staging' }],
    ['POST', '/clusters', { name: 'ok', environment: 'dev', extra: 1 }],
    ['POST', '/clusters', { name: 'ok', environment: 'dev', labels: { 'bad key!': 'x' } }],
    ['PATCH', '/clusters/Not-Valid', { labels: {} }],
    ['GET', '/clusters?unknown=1', undefined],
    ['GET', '/audit?limit=0', undefined],
    ['GET', '/audit?since=yesterday', undefined],
    ['POST', '/users', { name: 'UPPER' }],
    ['POST', '/join-tokens', { environment: 'dev', expiresAt: '2000-01-01T00:00:00Z' }],
    [
      'POST',
      '/role-bindings',
      { role: 'root', subject: { kind: 'user', name: 'x' }, scope: { kind: 'fleet' } },
    ],
    ['DELETE', '/role-bindings/not-a-uuid', undefined],
  ];
  for (const [method, url, payload] of cases) {
    const response = await api(method, url, admin, payload);
    assert.equal(response.status, 400, `${method} ${url}: ${response.body}`);
    assert.equal(response.json<{ error: { code: string } }>().error.code, 'invalid_request');
  }
});

void test('a body whose fields are all optional may be left out entirely', async () => {
  const response = await hub.hub.app.inject({
    method: 'POST',
    url: '/api/v1/users/admin/tokens',
    headers: { authorization: `Bearer ${admin}` },
  });
  assert.equal(response.statusCode, 201, response.body);
});

void test('the OpenAPI 3.1 document describes every route from the validating schemas', async () => {
  const response = await hub.hub.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  const document = response.json<{
    openapi: string;
    paths: Record<
      string,
      Record<
        string,
        {
          requestBody?: {
            content: Record<
              string,
              { schema: { additionalProperties?: boolean; required?: string[] } }
            >;
          };
        }
      >
    >;
  }>();
  assert.equal(document.openapi, '3.1.0');
  const create =
    document.paths['/api/v1/clusters']?.post?.requestBody?.content['application/json']?.schema;
  assert.equal(create?.additionalProperties, false);
  assert.deepEqual(create?.required, ['name', 'environment']);
  assert.ok(document.paths['/api/v1/clusters/{name}/decommission']?.post);
  assert.ok(document.paths['/api/v1/audit/export']?.get);
});

void test('the OpenAPI document describes the agent API the hub forwards to each agent', async () => {
  const response = await hub.hub.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  const document = response.json<{ paths: Record<string, Record<string, unknown>> }>();
  const agentInfo = document.paths['/api/v1/clusters/{name}/agent/v1/info']?.get as
    | {
        responses: Record<
          string,
          { content?: Record<string, { schema: { required?: string[] } }> }
        >;
      }
    | undefined;
  const info = agentInfo?.responses['200']?.content?.['application/json']?.schema;
  assert.deepEqual(info?.required, ['cluster', 'agentVersion', 'kubernetesVersion', 'nodeCount']);
  assert.ok(agentInfo?.responses['503'], 'a disconnected cluster is documented');
});

void test('decommissioning keeps a tombstone visible on request, and the audit trail exports as JSON lines', async () => {
  await api('POST', '/clusters', admin, { name: 'old-1', environment: 'qa' });
  assert.equal((await api('POST', '/clusters/old-1/decommission', admin)).status, 200);
  const active = await api('GET', '/clusters', admin);
  assert.ok(!active.body.includes('old-1'));
  assert.ok((await api('GET', '/clusters?decommissioned=include', admin)).body.includes('old-1'));
  assert.equal(
    (await api('GET', '/clusters/old-1', admin)).json<{ decommissionedAt: string | null }>()
      .decommissionedAt !== null,
    true,
  );
  const exported = await api('GET', '/audit/export?cluster=old-1', admin);
  const lines = exported.body
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { action: string; actor: string; requestId: string | null });
  assert.deepEqual(
    lines.map((l) => l.action),
    ['create', 'decommission'],
  );
  assert.ok(lines.every((l) => l.actor === 'admin' && l.requestId !== null));
});

void test('no token, credential or join token appears in clear in the store or the logs', async () => {
  const user = await api('POST', '/users/admin/tokens', admin, {});
  const join = await api('POST', '/join-tokens', admin, { environment: 'dev' });
  const agent = await api('POST', '/clusters', admin, { name: 'secret-test', environment: 'dev' });
  const rotated = await api('POST', '/clusters/secret-test/credentials/rotate', admin);
  const secrets = [
    admin,
    user.json<{ token: string }>().token,
    join.json<{ token: string }>().token,
    agent.json<{ credential: string }>().credential,
    rotated.json<{ credential: string }>().credential,
  ];
  await api('GET', '/whoami', `${admin}-wrong`);
  const db = hub.hub.db;
  const tables = [
    'clusters',
    'credentials',
    'users',
    'role_bindings',
    'join_tokens',
    'audit_events',
  ] as const;
  const dump = JSON.stringify(
    await Promise.all(tables.map((t) => db.selectFrom(t).selectAll().execute())),
  );
  assert.ok(log.length > 0 && dump.length > 0);
  for (const secret of secrets) {
    assert.match(secret, /^flt_[uaj]_/);
    assert.ok(!dump.includes(secret), 'secret stored in clear');
    assert.ok(!log.includes(secret), 'secret logged in clear');
  }
});
