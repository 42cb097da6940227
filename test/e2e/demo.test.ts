// `flotilla demo` (what `npm start` runs), as a person uses it: it comes up with a connected
// fleet, writes its token and kubeconfig, stops cleanly on Ctrl-C and reuses its state.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'yaml';
import type { ClusterList } from '@flotilla/protocol';
import { startDemo } from './support/demo-process.ts';
import { runCli } from './support/cli.ts';
import { kubectl } from './support/kubectl.ts';

let dir: string;
before(async () => (dir = await mkdtemp(join(tmpdir(), 'flotilla-demo-'))));
after(() => rm(dir, { recursive: true, force: true }));

async function clusters(url: string, token: string): Promise<ClusterList> {
  const response = await fetch(`${url}/api/v1/clusters`, {
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(response.status, 200);
  return (await response.json()) as ClusterList;
}

/** True when nothing accepts connections on `url`'s port any more. */
async function isClosed(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });
}

async function simulatorUrls(): Promise<string[]> {
  const agentsDir = join(dir, '.flotilla', 'agents');
  const files = (await readdir(agentsDir)).filter((f) => f.endsWith('.kubeconfig'));
  const configs = await Promise.all(
    files.map(
      async (f) =>
        parse(await readFile(join(agentsDir, f), 'utf8')) as {
          clusters: { cluster: { server: string } }[];
        },
    ),
  );
  return configs.map((c) => c.clusters[0]?.cluster.server ?? '');
}

let firstToken = '';

void test('the demo starts a hub with six connected clusters across every environment', async () => {
  const demo = await startDemo(dir);
  try {
    assert.match(demo.banner, /Agents: +6 of 6 connected through the tunnel/);
    assert.equal((await fetch(`${demo.url}/healthz`)).status, 200);
    const page = await fetch(`${demo.url}/`);
    assert.match(await page.text(), /<div id="root">/);
    const list = await clusters(demo.url, demo.adminToken);
    assert.equal(list.items.length, 6);
    assert.ok(
      list.items.every(
        (c) =>
          c.isConnected &&
          c.kubernetesVersion !== null &&
          (c.nodeCount ?? 0) > 0 &&
          (c.capacity?.cpuMillicores ?? 0) > 0 &&
          (c.capacity?.memoryMib ?? 0) > 0,
      ),
    );
    assert.deepEqual([...new Set(list.items.map((c) => c.environment))].sort(), [
      'dev',
      'prod',
      'qa',
      'uat',
    ]);
    firstToken = demo.adminToken;
    assert.equal(
      (await readFile(join(dir, '.flotilla', 'admin-token'), 'utf8')).trim(),
      demo.adminToken,
    );
    const kubeconfig = parse(await readFile(join(dir, '.flotilla', 'kubeconfig'), 'utf8')) as {
      contexts: { name: string }[];
      clusters: { name: string; cluster: { server: string } }[];
    };
    assert.deepEqual(
      kubeconfig.contexts.map((c) => c.name).sort(),
      list.items.map((c) => c.name).sort(),
    );
    // kubectl sends tokens only over TLS: the same port also speaks HTTPS for the kubeconfig.
    const secureUrl = demo.url.replace('http:', 'https:');
    for (const cluster of kubeconfig.clusters)
      assert.equal(cluster.cluster.server, `${secureUrl}/k8s/clusters/${cluster.name}`);
    const nodes = await kubectl(join(dir, '.flotilla', 'kubeconfig'), 'prod-eu-1', [
      'get',
      'nodes',
      '-o',
      'name',
    ]);
    assert.equal(nodes.code, 0, nodes.stderr);
    assert.match(nodes.stdout, /^node\//m);
  } finally {
    assert.equal(await demo.interrupt(), 0, 'Ctrl-C exits 0');
  }
  assert.ok(await isClosed(demo.url), 'hub port closed');
  for (const url of await simulatorUrls())
    assert.ok(await isClosed(url), `simulated API server ${url} closed`);
});

void test('a second start reuses the state: same admin token, same clusters, no new registrations', async () => {
  const demo = await startDemo(dir);
  try {
    assert.equal(demo.adminToken, firstToken);
    const list = await clusters(demo.url, demo.adminToken);
    assert.equal(list.items.filter((c) => c.isConnected).length, 6);
  } finally {
    // Under `npm start` one Ctrl-C reaches the demo twice (terminal and npm); still a clean exit.
    assert.equal(await demo.interrupt(2), 0);
  }
});

void test('a port already in use gets a clear message, exit 1, and no stack trace', async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const { port } = blocker.address() as AddressInfo;
  try {
    const result = await runCli(['demo', '--port', String(port)], { cwd: dir });
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      new RegExp(`flotilla demo: port ${port} on 127.0.0.1 is already in use`),
    );
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  } finally {
    blocker.close();
  }
});
