// OOM kills: a leaking container passes its memory limit, the kubelet kills it (137, OOMKilled), restarts it and records events.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { manualClock } from './clocks.ts';
import { firstPod, startTestCluster } from './test-cluster.ts';
import type { TestCluster } from './test-cluster.ts';

const start = Date.parse('2025-06-01T08:00:00Z');

interface ContainerStatus {
  restartCount: number;
  state: { running?: { startedAt: string } };
  lastState: {
    terminated?: { exitCode: number; reason: string; startedAt: string; finishedAt: string };
  };
}

void describe('OOM kills by the simulated kubelet', { timeout: 60_000 }, () => {
  const clock = manualClock(start);
  let cluster: TestCluster;
  let pod: string;

  /** The container status once its restart count reaches `restarts` (the kubelet ticks on its own). */
  const statusAfter = async (restarts: number): Promise<ContainerStatus> => {
    for (;;) {
      const { stdout } = await cluster.kubectl('get', 'pod', '-n', 'shop', pod, '-o', 'json');
      const status = (JSON.parse(stdout) as { status: { containerStatuses: ContainerStatus[] } })
        .status.containerStatuses[0];
      if (status && status.restartCount >= restarts) return status;
    }
  };

  void before(async () => {
    cluster = await startTestCluster({
      clock,
      clusters: [
        {
          name: 'oom-1',
          environment: 'dev',
          nodes: 1,
          workloads: [
            {
              name: 'leaky',
              namespace: 'shop',
              tier: 'worker',
              requests: { memory: '100Mi' },
              limits: { memory: '160Mi' },
              usage: { model: 'leak', memory: '100Mi', growthPerHour: '60Mi' },
            },
          ],
        },
      ],
    });
    pod = await firstPod(cluster, 'shop', 'app.kubernetes.io/name=leaky');
  });

  void after(() => cluster.close());

  void it('leaves the container alone while it is under its limit', async () => {
    clock.advance(30 * 60_000);
    const { stdout } = await cluster.kubectl('get', 'pod', '-n', 'shop', pod);
    assert.match(stdout, /\s1\/1\s+Running\s+0\s/);
  });

  void it('kills it when memory passes the limit, at the instant the model crosses it', async () => {
    clock.advance(60 * 60_000);
    const status = await statusAfter(1);
    assert.equal(status.restartCount, 1);
    const terminated = status.lastState.terminated;
    assert.equal(terminated?.reason, 'OOMKilled');
    assert.equal(terminated?.exitCode, 137);
    const killedAt = Date.parse(terminated?.finishedAt ?? '');
    const crossing = start + 60 * 60_000;
    assert.ok(Math.abs(killedAt - crossing) < 5 * 60_000, `killed at ${terminated?.finishedAt}`);
    assert.equal(status.state.running?.startedAt, terminated?.finishedAt);
  });

  void it('shows the kill in kubectl get, describe and events', async () => {
    const { stdout } = await cluster.kubectl('get', 'pod', '-n', 'shop', pod);
    assert.match(stdout, /\s1\/1\s+Running\s+1 \(\S+ ago\)\s/);
    const events = await cluster.kubectl(
      'get',
      'events',
      '-n',
      'shop',
      '--field-selector',
      `involvedObject.name=${pod}`,
    );
    assert.match(
      events.stdout,
      /Warning\s+OOMKilling\s+pod\/\S+\s+Memory cgroup out of memory: Killed process \d+ \(leaky\)/,
    );
    const previous = await cluster.kubectl('logs', '-n', 'shop', pod, '--previous', '--tail=1');
    assert.equal(previous.code, 0, previous.stderr);
  });

  void it('kills it again an hour after the restart, and the same clock gives the same history', async () => {
    clock.advance(60 * 60_000);
    const status = await statusAfter(2);
    assert.equal(status.restartCount, 2);
    assert.equal(status.lastState.terminated?.reason, 'OOMKilled');
  });
});
