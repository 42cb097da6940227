// Interactive kubectl through the hub: exec with stdin, port-forward, logs -f and top, each
// carried by the tunnel (upgrades as CONNECT streams the agent splices onto its API server).
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect } from 'node:net';
import { after, before, test } from 'node:test';
import { startFleet, until, type TestFleet } from './support/fleet.ts';
import { kubectl, spawnKubectl } from './support/kubectl.ts';

let fleet: TestFleet;
let pod = '';
const k = (...args: string[]) => kubectl(fleet.kubeconfig, 'dev-1', args);

before(async () => {
  fleet = await startFleet([
    {
      name: 'dev-1',
      environment: 'dev',
      nodes: 1,
      workloads: [
        { name: 'web', namespace: 'default', tier: 'web', replicas: 1, containerPort: 8080 },
      ],
    },
  ]);
  for (let i = 0; i < 100 && pod === ''; i++) {
    const names = await k(
      'get',
      'pods',
      '-n',
      'default',
      '-o',
      'jsonpath={.items[0].metadata.name}',
    );
    pod = names.stdout.trim();
    if (pod === '') await new Promise((resolve) => setTimeout(resolve, 100));
  }
});
after(() => fleet.close());

void test('kubectl exec -i echoes stdin back through the hub', async () => {
  assert.notEqual(pod, '');
  const result = await kubectl(
    fleet.kubeconfig,
    'dev-1',
    ['exec', '-i', pod, '-n', 'default', '--', 'cat'],
    'hello through the tunnel\n',
  );
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, 'hello through the tunnel\n');
});

void test('an exec exit code comes back through the hub, and the session is audited', async () => {
  const result = await k('exec', pod, '-n', 'default', '--', 'sh', '-c', 'exit 3');
  assert.equal(result.code, 3, result.stderr);
  const rows = await fleet.hub.hub.db
    .selectFrom('audit_events')
    .select(['action', 'after'])
    .where('action', '=', 'exec')
    .execute();
  const phases = rows.map(
    (row) => JSON.parse(row.after ?? '{}') as { phase?: string; command?: string[] },
  );
  assert.ok(phases.some((p) => p.phase === 'start' && p.command?.join(' ') === 'sh -c exit 3'));
  assert.ok(phases.some((p) => p.phase === 'end'));
});

void test('kubectl port-forward carries bytes through the hub', async () => {
  const forward = spawnKubectl(fleet.kubeconfig, 'dev-1', [
    'port-forward',
    '-n',
    'default',
    `pod/${pod}`,
    ':8080',
  ]);
  try {
    let out = '';
    forward.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await until(() => /127\.0\.0\.1:(\d+)/.test(out), 'port-forward to listen', 15_000);
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(out)?.[1]);
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    let echoed = '';
    socket.on('data', (chunk: Buffer) => (echoed += chunk.toString()));
    socket.write('ping through the hub');
    await until(() => echoed === 'ping through the hub', 'the echo', 10_000);
    socket.destroy();
  } finally {
    forward.kill();
    await once(forward, 'close');
  }
});

void test('kubectl logs -f streams through the hub', async () => {
  const logs = spawnKubectl(fleet.kubeconfig, 'dev-1', ['logs', '-f', pod, '-n', 'default']);
  try {
    let out = '';
    logs.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await until(() => out.split('\n').length > 2, 'log lines', 15_000);
  } finally {
    logs.kill();
    await once(logs, 'close');
  }
});

void test('kubectl top pods works through the hub', async () => {
  const result = await k('top', 'pods', '-n', 'default');
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)/m);
  assert.match(result.stdout, new RegExp(`^${pod}\\s+\\d+m\\s+\\d+Mi`, 'm'));
});
