// Drives simulated clusters with the real kubectl binary and checks its output as against a real cluster.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { startSimulator } from './index.ts';
import type { Simulator } from './index.ts';

const run = promisify(execFile);
const kubectlPath = '/usr/bin/kubectl';

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

void describe('real kubectl against a simulated cluster', () => {
  let simulator: Simulator;
  let directory: string;
  let kubeconfig: string;

  const kubectl = async (...args: string[]): Promise<Outcome> => {
    try {
      const { stdout, stderr } = await run(kubectlPath, ['--kubeconfig', kubeconfig, ...args]);
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
    }
  };

  void before(async () => {
    simulator = await startSimulator({
      clusters: [
        {
          name: 'test-eu-1',
          environment: 'dev',
          nodes: 2,
          workloads: [{ name: 'web', namespace: 'shop', tier: 'web', replicas: 2 }],
        },
      ],
    });
    directory = await mkdtemp(join(tmpdir(), 'flotilla-sim-'));
    kubeconfig = join(directory, 'kubeconfig');
    await writeFile(kubeconfig, simulator.cluster('test-eu-1').kubeconfig());
  });

  void after(async () => {
    await simulator.close();
    await rm(directory, { recursive: true, force: true });
  });

  void it('uses a context named after the cluster', async () => {
    const { stdout } = await kubectl('config', 'current-context');
    assert.equal(stdout.trim(), 'test-eu-1');
  });

  void it('lists namespaces with their status', async () => {
    const { code, stdout } = await kubectl('get', 'namespaces');
    assert.equal(code, 0);
    assert.match(stdout, /^NAME\s+STATUS\s+AGE$/m);
    for (const name of ['default', 'kube-system', 'shop'])
      assert.match(stdout, new RegExp(`^${name}\\s+Active\\s+\\d+s$`, 'm'));
  });

  void it('lists nodes as Ready with the cluster version', async () => {
    const { stdout } = await kubectl('get', 'nodes');
    assert.match(stdout, /^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/m);
    assert.match(stdout, /^test-eu-1-node-1\s+Ready\s+<none>\s+\S+\s+v1\.32\.0$/m);
    assert.match(stdout, /^test-eu-1-node-2\s+Ready/m);
  });

  void it('lists running pods across namespaces, made by the deployment controller', async () => {
    const { stdout } = await kubectl('get', 'pods', '-A');
    assert.match(stdout, /^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/m);
    const webPods = stdout
      .split('\n')
      .filter((line) => /^shop\s+web-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running\s+0\s/.test(line));
    assert.equal(webPods.length, 2);
    assert.match(stdout, /^kube-system\s+coredns-/m);
  });

  void it('shows deployments as ready', async () => {
    const { stdout } = await kubectl('get', 'deployments', '-n', 'shop');
    assert.match(stdout, /^web\s+2\/2\s+2\s+2\s+\d+s$/m);
  });

  void it('creates, reads and deletes a configmap', async () => {
    const created = await kubectl(
      'create',
      'configmap',
      'app-config',
      '-n',
      'shop',
      '--from-literal=color=blue',
    );
    assert.equal(created.code, 0, created.stderr);
    assert.equal(created.stdout.trim(), 'configmap/app-config created');
    const read = await kubectl('get', 'configmap', 'app-config', '-n', 'shop', '-o', 'json');
    const object = JSON.parse(read.stdout) as {
      kind: string;
      data: Record<string, string>;
      metadata: Record<string, unknown>;
    };
    assert.equal(object.kind, 'ConfigMap');
    assert.deepEqual(object.data, { color: 'blue' });
    assert.match(String(object.metadata['uid']), /^[0-9a-f-]{36}$/);
    assert.match(String(object.metadata['resourceVersion']), /^\d+$/);
    const deleted = await kubectl('delete', 'configmap', 'app-config', '-n', 'shop');
    assert.equal(deleted.stdout.trim(), 'configmap "app-config" deleted');
    const gone = await kubectl('get', 'configmap', 'app-config', '-n', 'shop');
    assert.equal(gone.code, 1);
  });

  void it('reports a missing pod as NotFound with exit code 1', async () => {
    const { code, stderr } = await kubectl('get', 'pod', 'nope');
    assert.equal(code, 1);
    assert.match(stderr, /Error from server \(NotFound\): pods "nope" not found/);
  });

  void it('rejects an invalid namespace name with the real validation message', async () => {
    const { code, stderr } = await kubectl('create', 'namespace', 'Bad_Name');
    assert.equal(code, 1);
    assert.match(
      stderr,
      /The Namespace "Bad_Name" is invalid: metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 label/,
    );
  });

  void it('lists the served resources with short names', async () => {
    const { code, stdout } = await kubectl('api-resources');
    assert.equal(code, 0);
    assert.match(stdout, /^pods\s+po\s+v1\s+true\s+Pod$/m);
    assert.match(stdout, /^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/m);
    assert.match(stdout, /^namespaces\s+ns\s+v1\s+false\s+Namespace$/m);
  });

  void it('scales a deployment through the scale subresource', async () => {
    const scaled = await kubectl('scale', 'deployment/web', '-n', 'shop', '--replicas=3');
    assert.equal(scaled.stdout.trim(), 'deployment.apps/web scaled');
    const rollout = await kubectl(
      'get',
      'pods',
      '-n',
      'shop',
      '-l',
      'app.kubernetes.io/name=web',
      '-o',
      'name',
    );
    assert.equal(rollout.stdout.trim().split('\n').length, 3);
  });

  void it('deletes a pod and the replicaset replaces it', async () => {
    const before = (await kubectl('get', 'pods', '-n', 'shop', '-o', 'name')).stdout
      .trim()
      .split('\n');
    const victim = before[0]?.replace('pod/', '') ?? '';
    const deleted = await kubectl('delete', 'pod', victim, '-n', 'shop');
    assert.equal(deleted.stdout.trim(), `pod "${victim}" deleted`);
    const after = (await kubectl('get', 'pods', '-n', 'shop', '-o', 'name')).stdout
      .trim()
      .split('\n');
    assert.equal(after.length, before.length);
    assert.ok(!after.includes(`pod/${victim}`));
  });
});
