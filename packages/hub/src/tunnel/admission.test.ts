import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, test } from 'node:test';
import { WebSocket } from 'ws';
import { startTestHub } from '../test-hub.ts';

let hub: Awaited<ReturnType<typeof startTestHub>>;
before(async () => (hub = await startTestHub({ agentAdmissionRate: '1' })));
after(() => hub.close());

async function upgradeStatus(): Promise<{ status: number; retryAfter: string | undefined }> {
  const ws = new WebSocket(`${hub.url.replace('http', 'ws')}/api/v1/tunnel`, {
    headers: { authorization: 'Bearer flt_a_unknown' },
  });
  const [, response] = (await once(ws, 'unexpected-response')) as [
    unknown,
    { statusCode: number; headers: Record<string, string> },
  ];
  return { status: response.statusCode, retryAfter: response.headers['retry-after'] };
}

void test('a reconnect storm is admitted at the configured rate; the rest are told when to retry', async () => {
  const statuses = [];
  for (let i = 0; i < 7; i++) statuses.push(await upgradeStatus());
  // A burst of five (rate 1/s × 5) reaches authentication (and fails it); the rest wait.
  assert.deepEqual(
    statuses.slice(0, 5).map((s) => s.status),
    [401, 401, 401, 401, 401],
  );
  assert.equal(statuses[6]?.status, 429);
  assert.equal(statuses[6]?.retryAfter, '1');
  const metrics = await (await fetch(`${hub.url}/metrics`)).text();
  assert.match(metrics, /flotilla_hub_tunnel_connections_total\{result="rate_limited"\} [1-9]/);
});
