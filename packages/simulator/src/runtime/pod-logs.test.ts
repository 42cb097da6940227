// `kubectl logs` against a simulated cluster: tail, timestamps, previous after a restart, and -f following the clock.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { manualClock } from './clocks.ts';
import { linesOf, spawnKubectl } from './follow-process.ts';
import { firstPod, startTestCluster } from './test-cluster.ts';
import type { TestCluster } from './test-cluster.ts';

const start = Date.parse('2025-06-01T12:00:00Z');

void describe('pods/log with real kubectl', { timeout: 60_000 }, () => {
  const clock = manualClock(start);
  let cluster: TestCluster;
  let pod: string;

  void before(async () => {
    cluster = await startTestCluster({
      clock,
      clusters: [
        {
          name: 'logs-1',
          environment: 'dev',
          nodes: 1,
          workloads: [
            { name: 'web', namespace: 'shop', tier: 'web' },
            { name: 'db', namespace: 'shop', tier: 'database' },
          ],
        },
      ],
    });
    clock.advance(120_000);
    pod = await firstPod(cluster, 'shop', 'app.kubernetes.io/name=web');
  });

  void after(() => cluster.close());

  void it('prints nginx startup and access lines up to the clock', async () => {
    const { code, stdout } = await cluster.kubectl('logs', '-n', 'shop', pod);
    assert.equal(code, 0);
    const lines = linesOf(stdout);
    assert.match(lines[0] ?? '', /Configuration complete; ready for start up/);
    assert.ok(lines.length > 20, `two minutes of access logs, got ${lines.length} lines`);
    assert.match(
      lines.at(-1) ?? '',
      /^10\.244\.\d+\.\d+ - - \[01\/Jun\/2025:12:0[01]:\d\d \+0000\] "GET \S+ HTTP\/1\.1" \d{3} \d+/,
    );
  });

  void it('is the same text when asked twice at the same instant', async () => {
    const first = await cluster.kubectl('logs', '-n', 'shop', pod);
    const second = await cluster.kubectl('logs', '-n', 'shop', pod);
    assert.equal(first.stdout, second.stdout);
  });

  void it('honours --tail and --timestamps', async () => {
    const { stdout } = await cluster.kubectl('logs', '-n', 'shop', pod, '--tail=3', '--timestamps');
    const lines = linesOf(stdout);
    assert.equal(lines.length, 3);
    for (const line of lines) assert.match(line, /^2025-06-01T12:0[01]:\d\d\.\d{9}Z 10\.244\./);
  });

  void it('writes PostgreSQL-style lines for a database image', async () => {
    const db = await firstPod(cluster, 'shop', 'app.kubernetes.io/name=db');
    const { stdout } = await cluster.kubectl('logs', '-n', 'shop', db, '--tail=1');
    assert.match(
      stdout,
      /database system is ready to accept connections|^2025-06-01 12:0\d:\d\d\.\d{3} UTC \[\d+\] LOG: {2}/m,
    );
  });

  void it('refuses --previous before a restart, and serves it after one', async () => {
    const refused = await cluster.kubectl('logs', '-n', 'shop', pod, '--previous');
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /previous terminated container "web" in pod "\S+" not found/);
    await restartInStatus(cluster, pod);
    const previous = await cluster.kubectl('logs', '-n', 'shop', pod, '--previous');
    assert.equal(previous.code, 0, previous.stderr);
    assert.match(previous.stdout, /Configuration complete/);
    const current = await cluster.kubectl('logs', '-n', 'shop', pod);
    assert.notEqual(current.stdout, previous.stdout);
  });

  void it('follows new lines as the clock advances (-f), until killed', async () => {
    clock.advance(10_000);
    const follower = spawnKubectl(cluster.kubeconfig, [
      'logs',
      '-f',
      '-n',
      'shop',
      pod,
      '--tail=2',
    ]);
    try {
      const initial = linesOf(await follower.waitFor((text) => linesOf(text).length >= 2));
      assert.equal(initial.length, 2);
      clock.advance(60_000);
      const more = linesOf(await follower.waitFor((text) => linesOf(text).length >= 8));
      assert.ok(more.length >= 8);
      assert.deepEqual(more.slice(0, 2), initial);
    } finally {
      follower.stop();
    }
  });

  void it('ends a follow when the pod is deleted', async () => {
    const victim = await firstPod(cluster, 'shop', 'app.kubernetes.io/name=db');
    const follower = spawnKubectl(cluster.kubeconfig, ['logs', '-f', '-n', 'shop', victim]);
    try {
      await follower.waitFor((text) => text.length > 0);
      await cluster.kubectl('delete', 'pod', '-n', 'shop', victim, '--wait=false');
      assert.equal(await follower.exited(), 0);
    } finally {
      follower.stop();
    }
  });
});

/** Rewrites the pod's status as the kubelet would after one restart of its container. */
async function restartInStatus(cluster: TestCluster, pod: string): Promise<void> {
  const { stdout } = await cluster.kubectl('get', 'pod', '-n', 'shop', pod, '-o', 'json');
  const object = JSON.parse(stdout) as { status: { containerStatuses: Record<string, unknown>[] } };
  const status = object.status.containerStatuses[0] ?? {};
  const startedAt = (status['state'] as { running: { startedAt: string } }).running.startedAt;
  const restartedAt = new Date(start + 120_000).toISOString().replace('.000Z', 'Z');
  status['lastState'] = {
    terminated: { exitCode: 137, reason: 'OOMKilled', startedAt, finishedAt: restartedAt },
  };
  status['state'] = { running: { startedAt: restartedAt } };
  status['restartCount'] = 1;
  const file = `${cluster.kubeconfig}.pod.json`;
  await writeFile(file, JSON.stringify(object));
  const replaced = await cluster.kubectl('replace', '--subresource=status', '-f', file);
  assert.equal(replaced.code, 0, replaced.stderr);
}
