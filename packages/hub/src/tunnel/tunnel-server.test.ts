import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, test } from 'node:test';
import { WebSocket } from 'ws';
import { tunnelCloseCodes, type AgentHello } from '@flotilla/protocol';
import { startTestHub } from '../test-hub.ts';

let hub: Awaited<ReturnType<typeof startTestHub>>;
let secret: string;
before(async () => {
  hub = await startTestHub();
  secret = await hub.registerCluster({ name: 'dev-1', environment: 'dev', labels: {} }, 'test');
  await hub.registerCluster({ name: 'prod-1', environment: 'prod', labels: {} }, 'test');
});
after(() => hub.close());

const hello = (cluster = 'dev-1'): AgentHello => ({
  type: 'hello',
  cluster,
  agentVersion: '0.1.0',
  kubernetesVersion: 'v1.33.0',
  nodeCount: 3,
});

function dial(credential: string | undefined): WebSocket {
  const headers = credential === undefined ? {} : { authorization: `Bearer ${credential}` };
  return new WebSocket(`${hub.url.replace('http', 'ws')}/api/v1/tunnel`, { headers });
}

async function connect(
  message: AgentHello = hello(),
): Promise<{ ws: WebSocket; frames: unknown[] }> {
  const ws = dial(secret);
  const frames: unknown[] = [];
  // Text frames are control messages; binary ones carry the HTTP/2 channel that follows welcome.
  ws.on('message', (data, isBinary) => {
    if (!isBinary) frames.push(JSON.parse((data as Buffer).toString()));
  });
  await once(ws, 'open');
  ws.send(JSON.stringify(message));
  return { ws, frames };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(condition(), 'condition not reached in 2 s');
}

for (const credential of [undefined, 'flt_a_unknown', 'garbage']) {
  void test(`upgrade with credential ${credential ?? '(none)'} is refused with 401 before any WebSocket`, async () => {
    const ws = dial(credential);
    const [, response] = (await once(ws, 'unexpected-response')) as [
      unknown,
      { statusCode: number },
    ];
    assert.equal(response.statusCode, 401);
  });
}

void test('a user token is not an agent credential', async () => {
  const ws = dial(hub.adminToken);
  const [, response] = (await once(ws, 'unexpected-response')) as [unknown, { statusCode: number }];
  assert.equal(response.statusCode, 401);
});

void test('an agent cannot claim another cluster', async () => {
  const { ws } = await connect(hello('prod-1'));
  const [code] = (await once(ws, 'close')) as [number];
  assert.equal(code, tunnelCloseCodes.forbidden);
  assert.equal(hub.hub.sessions.get('prod-1'), undefined);
});

void test('a malformed hello is a protocol error', async () => {
  const ws = dial(secret);
  await once(ws, 'open');
  ws.send('{"type":"hello"}');
  const [code] = (await once(ws, 'close')) as [number];
  assert.equal(code, tunnelCloseCodes.protocolError);
});

void test('a valid agent is welcomed and its report lands in the registry', async () => {
  const { ws, frames } = await connect();
  await until(() => frames.length > 0);
  assert.deepEqual(Object.keys(frames[0] as object).sort(), [
    'environment',
    'heartbeatIntervalMs',
    'sessionId',
    'type',
  ]);
  assert.equal((frames[0] as { environment: string }).environment, 'dev');
  const row = await hub.hub.db
    .selectFrom('clusters')
    .selectAll()
    .where('name', '=', 'dev-1')
    .executeTakeFirstOrThrow();
  assert.equal(row.kubernetes_version, 'v1.33.0');
  assert.equal(row.node_count, 3);
  ws.close();
  await until(() => hub.hub.sessions.size === 0);
});

void test('the newest connection of a cluster wins; the old one is closed as replaced', async () => {
  const first = await connect();
  await until(() => first.frames.length === 1);
  const second = await connect();
  const [code] = (await once(first.ws, 'close')) as [number];
  assert.equal(code, tunnelCloseCodes.replaced);
  await until(() => second.frames.length === 1);
  assert.equal(hub.hub.sessions.size, 1);
  second.ws.close();
  await until(() => hub.hub.sessions.size === 0);
});

void test('a peer that stops answering pings is dropped within a few intervals', async () => {
  const { ws, frames } = await connect();
  await until(() => frames.length === 1);
  // Pause the socket so pings are never read, as with a half-open connection.
  (ws as unknown as { _socket: { pause(): void } })._socket.pause();
  await until(() => hub.hub.sessions.size === 0);
  ws.terminate();
});
