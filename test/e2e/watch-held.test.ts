// A `kubectl get pods -w` held through the hub for minutes while other requests and changes go
// on: it sees every change, survives a quiet spell longer than any idle limit on the path (the
// hub's 30 s wait for response headers, Node's 60 s headersTimeout, Fastify's 72 s
// keepAliveTimeout), and never ends by itself.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startFleet, until, type TestFleet } from './support/fleet.ts';
import { kubectl, spawnKubectl } from './support/kubectl.ts';

let fleet: TestFleet;
before(async () => {
  fleet = await startFleet([{ name: 'dev-1', environment: 'dev', nodes: 2 }]);
});
after(() => fleet.close());

const k = (...args: string[]) => kubectl(fleet.kubeconfig, 'dev-1', args);
const applyPod = (name: string) =>
  kubectl(fleet.kubeconfig, 'dev-1', ['apply', '-f', '-'], podManifest(name));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long the watch is held, and the quiet spell within it. */
const holdMs = 125_000;
const quietMs = 80_000;

function podManifest(name: string): string {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'held' },
    spec: { containers: [{ name: 'app', image: 'example/app:1' }] },
  });
}

/** Other users' traffic meanwhile: reads everywhere and writes in another namespace. */
async function otherTraffic(isDone: () => boolean): Promise<number> {
  let failures = 0;
  for (let i = 0; !isDone(); i++) {
    const results = await Promise.all([
      k('get', 'pods', '-A', '-o', 'name'),
      k('get', 'nodes'),
      k('create', 'configmap', `other-${String(i)}`, '-n', 'default', '--from-literal=i=1'),
    ]);
    failures += results.filter((result) => result.code !== 0).length;
    await sleep(500);
  }
  return failures;
}

// Its own limit: the hold alone is most of the suite's default 180 s per test.
void test(
  'a watch held for minutes sees every change and never ends',
  { timeout: 300_000 },
  async () => {
    const started = Date.now();
    assert.equal((await k('create', 'namespace', 'held')).code, 0);
    assert.equal((await applyPod('first')).code, 0);
    const watch = spawnKubectl(fleet.kubeconfig, 'dev-1', [
      ...['get', 'pods', '-n', 'held', '-w', '--output-watch-events', '--no-headers'],
    ]);
    let events = '';
    let exit: number | null | undefined;
    watch.stdout.on('data', (chunk: Buffer) => (events += chunk.toString()));
    watch.on('exit', (code) => (exit = code));
    // One line per event: `ADDED      p-3   0/1   Pending   0     0s`.
    const saw = (event: string, name: string) =>
      new RegExp(`^${event}\\s+${name}\\s`, 'm').test(events);
    let isDone = false;
    const traffic = otherTraffic(() => isDone);
    try {
      await until(() => saw('ADDED', 'first'), 'the watch to list');
      const names = Array.from({ length: 10 }, (_, i) => `p-${String(i)}`);
      for (const name of names) {
        assert.equal((await applyPod(name)).code, 0);
        await sleep(1000);
      }
      await until(() => names.every((n) => saw('ADDED', n)), 'every ADDED');
      // A quiet spell on this watch while the others go on.
      await sleep(quietMs);
      await sleep(Math.max(0, holdMs - (Date.now() - started)));
      assert.equal(exit, undefined, 'the watch is still open after the quiet spell');
      for (const name of names)
        assert.equal((await k('delete', 'pod', name, '-n', 'held')).code, 0);
      await until(() => names.every((n) => saw('DELETED', n)), 'every DELETED');
      assert.equal(exit, undefined, 'the watch never ended by itself');
      assert.ok(Date.now() - started >= holdMs);
    } finally {
      isDone = true;
      watch.kill();
    }
    assert.equal(await traffic, 0, 'the other requests all succeeded');
  },
);
