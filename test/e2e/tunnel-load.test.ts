// A burst of mixed traffic through the hub — hundreds of GETs, watches opened and hung up, exec
// sessions, requests to a cluster whose agent dies under them — leaves nothing behind: the
// stream metrics balance with none live, every exec's end is audited, and the hub holds no
// connection but its agents' tunnels.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startFleet, until, type TestFleet } from './support/fleet.ts';
import { kubectl } from './support/kubectl.ts';
import { hubRequest, openStreaming } from './support/hub-http.ts';

let fleet: TestFleet;
before(async () => {
  fleet = await startFleet([
    {
      name: 'dev-1',
      environment: 'dev',
      nodes: 2,
      workloads: [{ name: 'web', namespace: 'default', tier: 'web', replicas: 2 }],
    },
    { name: 'qa-1', environment: 'qa', nodes: 1 },
  ]);
});
after(() => fleet.close());

const url = (path: string) => `${fleet.hub.url}${path}`;
const get = (path: string) => hubRequest(url(path), fleet.adminToken);

/** Sum of a metric's samples over every label set. */
async function metric(name: string): Promise<number> {
  const { body } = await get('/metrics');
  const lines = body.split('\n').filter((line) => line.startsWith(name));
  return lines.reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

/** `count` GETs, `parallel` at a time; returns how often each `path status` was seen (0: cut). */
async function burst(paths: readonly string[], count: number, parallel: number) {
  const seen = new Map<string, number>();
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const path = paths[i % paths.length] ?? '/';
      const status = await get(path).then(
        (response) => response.status,
        () => 0,
      );
      const key = `${path} ${String(status)}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return seen;
}

async function watchesHungUp(cluster: string, count: number): Promise<void> {
  const path = `/k8s/clusters/${cluster}/api/v1/pods?watch=true`;
  const watches = await Promise.all(
    Array.from({ length: count }, () => openStreaming(url(path), fleet.adminToken)),
  );
  for (const watch of watches) assert.equal(watch.response.statusCode, 200);
  for (const watch of watches) watch.cancel();
}

async function execs(count: number): Promise<void> {
  const pods = await kubectl(fleet.kubeconfig, 'dev-1', [
    ...['get', 'pods', '-n', 'default', '-o', 'jsonpath={.items[*].metadata.name}'],
  ]);
  const [pod = ''] = pods.stdout.split(' ');
  const runs = Array.from({ length: count }, (_, i) =>
    kubectl(fleet.kubeconfig, 'dev-1', ['exec', pod, '--', 'echo', `run-${String(i)}`]),
  );
  for (const result of await Promise.all(runs)) assert.equal(result.code, 0, result.stderr);
}

/** Watches on qa-1 that are open when its agent goes away: each must end, none may hang. */
async function agentDiesUnderRequests(count: number): Promise<void> {
  const path = '/k8s/clusters/qa-1/api/v1/pods?watch=true';
  const watches = await Promise.all(
    Array.from({ length: count }, () => openStreaming(url(path), fleet.adminToken)),
  );
  // Cut or ended cleanly, either way each one closes ('error' before 'close' is fine).
  const ended = watches.map(
    ({ response }) => new Promise((resolve) => response.once('close', resolve)),
  );
  await fleet.agents.get('qa-1')?.close();
  await Promise.all(ended);
  assert.equal((await get('/k8s/clusters/qa-1/api/v1/pods')).status, 503);
  await fleet.startAgent('qa-1');
  await fleet.waitConnected(2);
}

async function openConnections(): Promise<number> {
  return new Promise((resolve, reject) =>
    fleet.hub.hub.app.server.getConnections((error, count) =>
      error === null ? resolve(count) : reject(error),
    ),
  );
}

void test('after a burst of mixed traffic no stream, session or socket is left', async () => {
  await until(() => fleet.hub.hub.sessions.size === 2, 'both agents');
  const paths = [
    '/k8s/clusters/dev-1/api/v1/pods',
    '/k8s/clusters/dev-1/api/v1/nodes',
    '/k8s/clusters/qa-1/api/v1/namespaces',
    '/k8s/clusters/dev-1/api/v1/namespaces/default/pods/nope',
  ];
  const [seen] = await Promise.all([
    burst(paths, 400, 20),
    watchesHungUp('dev-1', 20),
    execs(4),
    agentDiesUnderRequests(10),
  ]);
  // dev-1 answers every request; qa-1 may refuse (503) or cut (0) those its dying agent held.
  const expected = ['dev-1/api/v1/pods 200', 'dev-1/api/v1/nodes 200', 'pods/nope 404'];
  let proxied = 0;
  for (const [key, count] of seen) {
    const isQa = /qa-1\/api\/v1\/namespaces (200|503|0)$/.test(key);
    assert.ok(isQa || expected.some((end) => key.endsWith(end)), `${key} ×${String(count)}`);
    if (/ (200|404)$/.test(key)) proxied += count;
  }
  let live = -1;
  for (let i = 0; i < 200 && live !== 0; i++) {
    live = await metric('flotilla_hub_tunnel_streams_live');
    if (live !== 0) await new Promise((resolve) => setTimeout(resolve, 25));
  }
  assert.equal(live, 0, 'no stream is live');
  const opened = await metric('flotilla_hub_tunnel_streams_opened_total');
  assert.ok(opened >= proxied + 20 + 4 + 10, `streams opened: ${String(opened)}`);
  assert.equal(await metric('flotilla_hub_tunnel_streams_closed_total'), opened);
  assert.equal(fleet.hub.hub.sessions.size, 2, 'one tunnel session per agent, no stale one');
  const execRows = await fleet.hub.hub.db
    .selectFrom('audit_events')
    .select(['after'])
    .where('action', '=', 'exec')
    .execute();
  const phases = execRows.map((row) => (JSON.parse(row.after ?? '{}') as { phase?: string }).phase);
  assert.equal(phases.filter((p) => p === 'end').length, 4, 'every exec session ended');
  // Only the two agents' tunnels stay connected: no upgraded or proxied socket lingers.
  let connections = -1;
  for (let i = 0; i < 200 && connections !== 2; i++) {
    connections = await openConnections();
    if (connections !== 2) await new Promise((resolve) => setTimeout(resolve, 25));
  }
  assert.equal(connections, 2, 'the hub holds only the agents’ connections');
});
