// `kubectl port-forward` against a simulated pod: bytes through the local port come back from the echo server; undeclared ports are refused.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { spawnKubectl } from './follow-process.ts';
import type { KubectlChild } from './follow-process.ts';
import { firstPod, startTestCluster } from './test-cluster.ts';
import type { TestCluster } from './test-cluster.ts';

/** Sends `text` to the local port and resolves with everything read until the server closes. */
function roundTrip(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('utf8');
      if (received.length >= text.length) socket.end();
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(received));
    socket.write(text);
  });
}

async function forward(
  cluster: TestCluster,
  pod: string,
  remote: number,
): Promise<[KubectlChild, number]> {
  const child = spawnKubectl(cluster.kubeconfig, [
    'port-forward',
    '-n',
    'shop',
    `pod/${pod}`,
    `:${remote}`,
  ]);
  const pattern = /Forwarding from 127\.0\.0\.1:(\d+) ->/;
  const output = await child.waitFor((text) => pattern.test(text));
  return [child, Number(pattern.exec(output)?.[1])];
}

void describe('pods/portforward with real kubectl', { timeout: 60_000 }, () => {
  let cluster: TestCluster;
  let pod: string;

  void before(async () => {
    cluster = await startTestCluster({
      clusters: [
        {
          name: 'forward-1',
          environment: 'dev',
          nodes: 1,
          workloads: [{ name: 'cache', namespace: 'shop', tier: 'cache' }],
        },
      ],
    });
    pod = await firstPod(cluster, 'shop', 'app.kubernetes.io/name=cache');
  });

  void after(() => cluster.close());

  void it('echoes bytes sent to the local port, connection after connection', async () => {
    const [child, port] = await forward(cluster, pod, 6379);
    try {
      assert.equal(await roundTrip(port, 'PING\r\n'), 'PING\r\n');
      const big = 'x'.repeat(100_000);
      assert.equal(await roundTrip(port, big), big);
      assert.match(child.output(), /Handling connection for \d+/);
    } finally {
      child.stop();
    }
  });

  void it('refuses a port no container declares, and kubectl reports it', async () => {
    const [child, port] = await forward(cluster, pod, 5000);
    try {
      const stderr = new Promise<string>((resolve) => {
        let text = '';
        child.child.stderr.on('data', (chunk: Buffer) => {
          text += chunk.toString('utf8');
          if (text.includes('connection refused')) resolve(text);
        });
      });
      assert.equal(await roundTrip(port, 'hello'), '');
      assert.match(
        await stderr,
        /error forwarding port 5000 to pod \S+, uid : .*connection refused/,
      );
    } finally {
      child.stop();
    }
  });
});
