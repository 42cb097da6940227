// Security, table-driven over every REST route: each role gets exactly what it should, and
// missing, malformed, expired and revoked tokens are refused everywhere.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiPrefix } from '@flotilla/protocol';
import { apiRoutes } from './api.ts';
import type { RouteDeps } from './route-deps.ts';
import {
  personas,
  startSecurityHub,
  targets,
  type Persona,
  type TestHub,
} from './security-fixture.ts';
import { issueCredential, revokeCredentials } from '../access/credentials.ts';

let hub: TestHub;
let tokens: Record<Persona, string>;
before(async () => ({ hub, tokens } = await startSecurityHub()));
after(() => hub.close());

type Targets = ReturnType<typeof targets>;
interface Request {
  readonly url: string;
  readonly payload?: object;
}
interface Row {
  readonly allowed: readonly Persona[];
  request(t: Targets): Promise<Request> | Request;
}

const all = personas;
const fleetReaders = ['admin', 'operator', 'viewer'] as const;
const operators = ['admin', 'operator'] as const;
const admins = ['admin'] as const;

/** Every route, keyed as `METHOD /path`; a route missing here fails the coverage test. */
const table: Record<string, Row> = {
  'GET /clusters': {
    allowed: ['admin', 'operator', 'viewer', 'dev-operator'],
    request: () => ({ url: '/clusters' }),
  },
  'POST /clusters': {
    allowed: operators,
    request: (t) => ({
      url: '/clusters',
      payload: { name: t.name('new'), environment: 'prod' },
    }),
  },
  'GET /clusters/:name': {
    allowed: fleetReaders,
    request: async (t) => ({ url: `/clusters/${await t.cluster()}` }),
  },
  'PATCH /clusters/:name': {
    allowed: operators,
    request: async (t) => ({
      url: `/clusters/${await t.cluster()}`,
      payload: { labels: { a: 'b' } },
    }),
  },
  'POST /clusters/:name/decommission': {
    allowed: admins,
    request: async (t) => ({ url: `/clusters/${await t.cluster()}/decommission` }),
  },
  'POST /clusters/:name/credentials/rotate': {
    allowed: admins,
    request: async (t) => ({ url: `/clusters/${await t.cluster()}/credentials/rotate` }),
  },
  'POST /clusters/:name/credentials/revoke': {
    allowed: admins,
    request: async (t) => ({ url: `/clusters/${await t.cluster()}/credentials/revoke` }),
  },
  'GET /join-tokens': {
    allowed: ['admin', 'operator', 'dev-operator'],
    request: () => ({ url: '/join-tokens' }),
  },
  'POST /join-tokens': {
    allowed: operators,
    request: () => ({ url: '/join-tokens', payload: { environment: 'prod' } }),
  },
  'DELETE /join-tokens/:id': {
    allowed: operators,
    request: async (t) => ({ url: `/join-tokens/${await t.joinToken()}` }),
  },
  'GET /whoami': { allowed: all, request: () => ({ url: '/whoami' }) },
  'GET /users': { allowed: admins, request: () => ({ url: '/users' }) },
  'POST /users': {
    allowed: admins,
    request: (t) => ({ url: '/users', payload: { name: t.name('new-user') } }),
  },
  'GET /users/:name': {
    allowed: admins,
    request: async (t) => ({ url: `/users/${await t.user()}` }),
  },
  'POST /users/:name/disable': {
    allowed: admins,
    request: async (t) => ({ url: `/users/${await t.user()}/disable` }),
  },
  'GET /users/:name/tokens': {
    allowed: admins,
    request: async (t) => ({ url: `/users/${await t.user()}/tokens` }),
  },
  'POST /users/:name/tokens': {
    allowed: admins,
    request: async (t) => ({ url: `/users/${await t.user()}/tokens`, payload: {} }),
  },
  'DELETE /users/:name/tokens/:id': {
    allowed: admins,
    request: async (t) => {
      const user = await t.user();
      return { url: `/users/${user}/tokens/${await t.userToken(user)}` };
    },
  },
  'GET /role-bindings': { allowed: admins, request: () => ({ url: '/role-bindings' }) },
  'POST /role-bindings': {
    allowed: admins,
    request: () => ({
      url: '/role-bindings',
      payload: { role: 'viewer', subject: { kind: 'group', name: 'g' }, scope: { kind: 'fleet' } },
    }),
  },
  'DELETE /role-bindings/:id': {
    allowed: admins,
    request: async (t) => ({ url: `/role-bindings/${await t.binding()}` }),
  },
  'GET /audit': { allowed: fleetReaders, request: () => ({ url: '/audit' }) },
  'GET /audit/export': { allowed: fleetReaders, request: () => ({ url: '/audit/export' }) },
};

const routes = apiRoutes({} as RouteDeps).map((r) => `${r.method} ${r.path}`);

void test('the security table covers every REST route and nothing else', () => {
  assert.deepEqual(Object.keys(table).sort(), [...routes].sort());
});

async function call(key: string, token: string | undefined, t: Targets) {
  const [method = 'GET'] = key.split(' ');
  const { url, payload } = await table[key]!.request(t);
  const headers = token === undefined ? {} : { authorization: `Bearer ${token}` };
  return hub.hub.app.inject({
    method: method as 'GET',
    url: `${apiPrefix}${url}`,
    headers,
    ...(payload ? { payload } : {}),
  });
}

for (const key of routes) {
  for (const persona of personas) {
    const isAllowed = table[key]?.allowed.includes(persona) ?? false;
    void test(`${key} as ${persona}: ${isAllowed ? 'allowed' : '403'}`, async () => {
      const response = await call(key, tokens[persona], targets(hub));
      if (isAllowed) {
        assert.ok(response.statusCode < 300, `${response.statusCode} ${response.body}`);
        return;
      }
      assert.equal(response.statusCode, 403, response.body);
      const error = response.json<{ error: { code: string; details: { permission: string } } }>()
        .error;
      assert.equal(error.code, 'forbidden');
      assert.match(error.details.permission, /^[a-z-]+:[a-z-]+$/);
    });
  }
}

void test('every route refuses missing, malformed, unknown, expired and revoked tokens with 401', async () => {
  const db = hub.hub.db;
  const expired = await issueCredential(db, 'user', 'operator', new Date(), {
    expiresAt: new Date(Date.now() - 1000).toISOString(),
  });
  const revoked = await issueCredential(db, 'user', 'viewer', new Date());
  await revokeCredentials(db, 'user', 'viewer', new Date(), revoked.id);
  const agent = await hub.registerCluster(
    { name: 'agent-only', environment: 'dev', labels: {} },
    'test',
  );
  const bad = [
    undefined,
    'garbage',
    'flt_u_unknown',
    `${tokens.admin}x`,
    expired.secret,
    revoked.secret,
    agent,
    'a.b.c',
  ];
  for (const key of routes) {
    for (const token of bad) {
      const response = await call(key, token, targets(hub));
      assert.equal(response.statusCode, 401, `${key} with ${token ?? '(none)'}`);
    }
  }
});
