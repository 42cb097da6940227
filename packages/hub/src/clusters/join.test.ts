// Joining through the tunnel: an agent presents a join token once, its cluster is enrolled with
// the token's presets and the welcome carries the cluster's own credential; revoked agents are refused.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, test } from 'node:test';
import { WebSocket } from 'ws';
import { tunnelCloseCodes, type AgentHello, type HubWelcome } from '@flotilla/protocol';
import { startTestHub } from '../test-hub.ts';
import { usableJoinToken } from './join-tokens.ts';

let hub: Awaited<ReturnType<typeof startTestHub>>;
before(async () => {
  hub = await startTestHub();
  await hub.registerCluster({ name: 'dev-1', environment: 'dev', labels: {} }, 'test');
});
after(() => hub.close());

const hello = (cluster: string): AgentHello => ({
  type: 'hello',
  cluster,
  agentVersion: '0.1.0',
  kubernetesVersion: 'v1.33.0',
  nodeCount: 2,
});

async function api(method: 'GET' | 'POST', url: string, payload?: object) {
  const response = await hub.hub.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { authorization: `Bearer ${hub.adminToken}` },
    ...(payload === undefined ? {} : { payload }),
  });
  return response.json<Record<string, unknown>>();
}

async function joinToken(spec: object): Promise<string> {
  return (await api('POST', '/join-tokens', spec)).token as string;
}

function dial(secret: string): WebSocket {
  return new WebSocket(`${hub.url.replace('http', 'ws')}/api/v1/tunnel`, {
    headers: { authorization: `Bearer ${secret}` },
  });
}

/** Dials and says hello; resolves with the welcome, or the close code when refused. */
async function attempt(
  secret: string,
  cluster: string,
): Promise<{ welcome?: HubWelcome; code?: number; ws: WebSocket }> {
  const ws = dial(secret);
  const refused = once(ws, 'unexpected-response').then(([, response]) => ({
    code: (response as { statusCode: number }).statusCode,
  }));
  const opened = once(ws, 'open').then(() => {
    ws.send(JSON.stringify(hello(cluster)));
    return Promise.race([
      once(ws, 'message').then(([data]) => ({
        welcome: JSON.parse((data as Buffer).toString()) as HubWelcome,
      })),
      once(ws, 'close').then(([code]) => ({ code: code as number })),
    ]);
  });
  return { ...(await Promise.race([refused, opened])), ws };
}

void test('a join token enrols its cluster once and the welcome carries the new credential', async () => {
  const token = await joinToken({ environment: 'qa', labels: { team: 'blue' }, maxUses: 1 });
  const joined = await attempt(token, 'qa-joined');
  assert.equal(joined.welcome?.type, 'welcome');
  assert.equal(joined.welcome.environment, 'qa');
  assert.match(joined.welcome.credential ?? '', /^flt_a_/);
  joined.ws.close();
  const cluster = await api('GET', '/clusters/qa-joined');
  assert.deepEqual([cluster.environment, cluster.labels], ['qa', { team: 'blue' }]);
  const audit = await api('GET', '/audit?cluster=qa-joined');
  assert.deepEqual(
    (audit.items as { action: string }[]).map((e) => e.action),
    ['join'],
  );
  assert.equal((await attempt(token, 'qa-joined-2')).code, 401, 'a used-up join token is refused');
  const again = await attempt(joined.welcome.credential ?? '', 'qa-joined');
  assert.equal(again.welcome?.credential, undefined, 'a credential login gets no new credential');
  again.ws.close();
});

void test('a multi-use token enrols several clusters but never takes over an existing one', async () => {
  const token = await joinToken({ environment: 'dev', maxUses: 3 });
  for (const name of ['dev-a', 'dev-b']) {
    const joined = await attempt(token, name);
    assert.ok(joined.welcome?.credential);
    joined.ws.close();
  }
  assert.equal((await attempt(token, 'dev-1')).code, tunnelCloseCodes.forbidden);
  assert.equal((await attempt(token, 'Not_A_Name')).code, tunnelCloseCodes.forbidden);
  const tokens = (await api('GET', '/join-tokens')).items as { uses: number; maxUses: number }[];
  assert.ok(
    tokens.some((t) => t.maxUses === 3 && t.uses === 2),
    'refused joins use nothing',
  );
});

void test('expired and revoked join tokens are refused before any WebSocket', async () => {
  const revoked = await api('POST', '/join-tokens', { environment: 'dev' });
  await hub.hub.app.inject({
    method: 'DELETE',
    url: `/api/v1/join-tokens/${(revoked.joinToken as { id: string }).id}`,
    headers: { authorization: `Bearer ${hub.adminToken}` },
  });
  assert.equal((await attempt(revoked.token as string, 'never-1')).code, 401);
  const expired = await joinToken({
    environment: 'dev',
    expiresAt: new Date(Date.now() + 1000).toISOString(),
  });
  // The hub's clock is not injectable from here; ask the store as the hub would, a second later.
  assert.equal(await usableJoinToken(hub.hub.db, expired, new Date(Date.now() + 2000)), undefined);
});

void test("a revoked cluster's agent is dropped and refused; a decommissioned one too", async () => {
  const { credential } = await api('POST', '/clusters', { name: 'prod-x', environment: 'prod' });
  const live = await attempt(credential as string, 'prod-x');
  assert.ok(live.welcome);
  const dropped = once(live.ws, 'close');
  await api('POST', '/clusters/prod-x/credentials/revoke');
  assert.equal((await dropped)[0], tunnelCloseCodes.unauthenticated);
  assert.equal((await attempt(credential as string, 'prod-x')).code, 401);
  const rotated = await api('POST', '/clusters/prod-x/credentials/rotate');
  await api('POST', '/clusters/prod-x/decommission');
  assert.equal((await attempt(rotated.credential as string, 'prod-x')).code, 401);
});
