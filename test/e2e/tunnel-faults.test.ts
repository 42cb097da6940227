// The tunnel under the failures peers get wrong: a hub restart, an agent dying mid-watch or
// mid-exec, an agent enrolling with a join token — and afterwards no stream is left behind.
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startFleet, until, type TestFleet } from './support/fleet.ts';
import { kubectl, spawnKubectl } from './support/kubectl.ts';
import { spawnCli } from './support/cli.ts';

let fleet: TestFleet;
before(async () => {
  fleet = await startFleet(
    [
      {
        name: 'dev-1',
        environment: 'dev',
        nodes: 1,
        workloads: [{ name: 'web', namespace: 'default', tier: 'web', replicas: 1 }],
      },
      { name: 'qa-1', environment: 'qa', nodes: 1 },
      { name: 'uat-1', environment: 'uat', nodes: 1 },
    ],
    { unregistered: ['uat-1'] },
  );
});
after(() => fleet.close());

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${fleet.hub.url}/api/v1${path}`, {
    ...init,
    headers: { authorization: `Bearer ${fleet.adminToken}`, 'content-type': 'application/json' },
  });

async function metric(name: string): Promise<number> {
  const text = await (await fetch(`${fleet.hub.url}/metrics`)).text();
  const lines = text.split('\n').filter((line) => line.startsWith(name));
  return lines.reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

void test('after a hub restart every agent is back and kubectl works again', async () => {
  await fleet.restartHub();
  await fleet.waitConnected(2, 20_000);
  const result = await kubectl(fleet.kubeconfig, 'qa-1', ['get', 'nodes', '-o', 'name']);
  assert.equal(result.code, 0, result.stderr);
});

void test('a watch whose agent dies ends with an error instead of hanging', async () => {
  const watch = spawnKubectl(fleet.kubeconfig, 'dev-1', ['get', 'pods', '-A', '--watch']);
  let output = '';
  watch.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await until(() => output.includes('NAME'), 'the watch to print its table');
  const exited = once(watch, 'exit');
  await fleet.agents.get('dev-1')?.close();
  const [code] = (await exited) as [number | null];
  assert.notEqual(code, null, 'kubectl exited by itself');
  await fleet.startAgent('dev-1');
  await fleet.waitConnected(2);
});

/** The first pod of dev-1's `web` workload, once the simulator has scheduled it. */
async function webPod(): Promise<string> {
  const args = ['get', 'pods', '-n', 'default', '-o', 'jsonpath={.items[0].metadata.name}'];
  for (let i = 0; i < 100; i++) {
    const pod = (await kubectl(fleet.kubeconfig, 'dev-1', args)).stdout.trim();
    if (pod !== '') return pod;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no web pod in dev-1');
}

/** dev-1's agent as its own process (`flotilla agent`), so the test can SIGKILL it. */
async function agentProcess(): Promise<ChildProcess> {
  await fleet.agents.get('dev-1')?.close();
  fleet.agents.delete('dev-1');
  await fleet.waitConnected(1);
  const child = spawnCli(['agent', '--log-level', 'silent', '--health', 'false', '--insecure'], {
    env: {
      FLOTILLA_HUB_URL: fleet.hub.url,
      FLOTILLA_CLUSTER: 'dev-1',
      FLOTILLA_CREDENTIAL_FILE: join(fleet.dir, 'dev-1.token'),
      FLOTILLA_KUBECONFIG: join(fleet.dir, 'dev-1.local'),
      FLOTILLA_HEARTBEAT_INTERVAL: '500ms',
    },
  });
  await fleet.waitConnected(2);
  return child;
}

void test('an exec whose agent is killed ends kubectl with an error; the session is audited', async () => {
  const pod = await webPod();
  const agent = await agentProcess();
  const exec = spawnKubectl(fleet.kubeconfig, 'dev-1', ['exec', '-i', pod, '--', 'cat']);
  try {
    let echoed = '';
    exec.stdout.on('data', (chunk: Buffer) => (echoed += chunk.toString()));
    exec.stdin.write('before the kill\n');
    await until(() => echoed === 'before the kill\n', 'the echo before the kill');
    const exited = once(exec, 'exit');
    agent.kill('SIGKILL');
    const [code] = (await exited) as [number | null];
    assert.notEqual(code, 0, 'kubectl reports the lost session');
    assert.notEqual(code, null, 'kubectl exited by itself');
  } finally {
    exec.kill('SIGKILL');
    agent.kill('SIGKILL');
  }
  await until(() => fleet.hub.hub.sessions.get('dev-1') === undefined, 'the hub to drop dev-1');
  let phases: (string | undefined)[] = [];
  for (let i = 0; i < 100 && !phases.includes('end'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const rows = await fleet.hub.hub.db
      .selectFrom('audit_events')
      .select(['after'])
      .where('action', '=', 'exec')
      .where('cluster', '=', 'dev-1')
      .execute();
    phases = rows.map((row) => (JSON.parse(row.after ?? '{}') as { phase?: string }).phase);
  }
  assert.deepEqual(phases, ['start', 'end'], 'the session start and end are audited');
  assert.equal(
    await metric('flotilla_hub_tunnel_streams_opened_total'),
    await metric('flotilla_hub_tunnel_streams_closed_total'),
  );
  assert.equal(await metric('flotilla_hub_tunnel_streams_live'), 0);
  await fleet.startAgent('dev-1');
  await fleet.waitConnected(2);
});

void test('streams balance once the traffic is over: opened = closed, none live', async () => {
  await kubectl(fleet.kubeconfig, 'dev-1', ['get', 'pods', '-A']);
  const opened = await metric('flotilla_hub_tunnel_streams_opened_total');
  const closed = await metric('flotilla_hub_tunnel_streams_closed_total');
  const live = await metric('flotilla_hub_tunnel_streams_live');
  assert.ok(opened > 0);
  assert.equal(opened, closed + live);
  assert.equal(live, 0);
});

void test('an agent enrols with a join token, saves its credential, and the token is spent', async () => {
  const created = await api('/join-tokens', {
    method: 'POST',
    body: JSON.stringify({ environment: 'uat', labels: { team: 'edge' } }),
  });
  assert.equal(created.status, 201);
  const { token } = (await created.json()) as { token: string };
  await writeFile(join(fleet.dir, 'join.token'), token);
  const credentialFile = join(fleet.dir, 'uat-1.token');
  const agent = await fleet.startAgent('uat-1', { joinTokenFile: join(fleet.dir, 'join.token') });
  await fleet.waitConnected(3);
  let saved = '';
  for (let i = 0; i < 100 && !saved.startsWith('flt_a_'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    saved = await readFile(credentialFile, 'utf8').catch(() => '');
  }
  assert.match(saved, /^flt_a_/);
  const listed = (await (await api('/clusters')).json()) as {
    items: { name: string; environment: string; labels: Record<string, string> }[];
  };
  const joined = listed.items.find((c) => c.name === 'uat-1');
  assert.equal(joined?.environment, 'uat');
  assert.equal(joined?.labels.team, 'edge');
  // The next dial presents the saved credential; the single-use join token is spent.
  await agent.close();
  await fleet.waitConnected(2);
  await fleet.startAgent('uat-1', { joinTokenFile: join(fleet.dir, 'join.token') });
  await fleet.waitConnected(3);
  await fleet.agents.get('uat-1')?.close();
  await writeFile(credentialFile, '');
  const refused = await fleet.startAgent('uat-1', { joinTokenFile: join(fleet.dir, 'join.token') });
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.equal(fleet.hub.hub.sessions.get('uat-1'), undefined, 'a spent join token is refused');
  await refused.close();
});
