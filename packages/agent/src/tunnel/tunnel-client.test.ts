// A stopped tunnel client stays stopped, even when the hub's welcome was already on its way.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { pino } from 'pino';
import { WebSocketServer } from 'ws';
import { TunnelClient } from './tunnel-client.ts';

void test('stop() during the handshake wins over a welcome that arrives afterwards', async () => {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(server, 'listening');
  const dials: number[] = [];
  const hello = {
    type: 'hello',
    cluster: 'c',
    agentVersion: '0',
    kubernetesVersion: '',
    nodeCount: 0,
  } as const;
  const client = new TunnelClient({
    hubUrl: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`,
    heartbeatIntervalMs: 1000,
    giveUpAfterMs: 60_000,
    backoff: { next: () => 10, reset: () => undefined },
    logger: pino({ level: 'silent' }),
    credential: () => Promise.resolve('flt_a_test'),
    hello: () => {
      dials.push(Date.now());
      return Promise.resolve(hello);
    },
    handleStream: () => undefined,
  });
  server.once('connection', (ws) => {
    ws.once('message', () => {
      // The agent stops just before the hub's welcome reaches it.
      void client.stop();
      const welcome = { type: 'welcome', sessionId: 's', heartbeatIntervalMs: 1000 };
      ws.send(JSON.stringify({ ...welcome, environment: 'dev' }));
    });
  });
  client.start();
  await once(server, 'connection');
  // Long enough for the close to finish and several 10 ms backoffs to fire, were any scheduled.
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(client.state, 'stopped');
  assert.equal(dials.length, 1, 'no redial after stop');
  for (const ws of server.clients) ws.terminate();
  await client.stop();
  await new Promise((resolve) => server.close(resolve));
});
