// `kubectl exec` and `kubectl attach` against a simulated pod: stdin echoed by cat, exit codes, env, hostname, unknown commands.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { spawnKubectl } from './follow-process.ts';
import { firstPod, startTestCluster } from './test-cluster.ts';
import type { TestCluster } from './test-cluster.ts';

void describe('pods/exec and pods/attach with real kubectl', { timeout: 60_000 }, () => {
  let cluster: TestCluster;
  let pod: string;
  const exec = (...command: string[]) =>
    cluster.kubectl('exec', '-n', 'shop', pod, '--', ...command);

  void before(async () => {
    cluster = await startTestCluster({
      clusters: [
        {
          name: 'exec-1',
          environment: 'dev',
          nodes: 1,
          workloads: [{ name: 'web', namespace: 'shop', tier: 'web' }],
        },
      ],
    });
    pod = await firstPod(cluster, 'shop', 'app.kubernetes.io/name=web');
  });

  void after(() => cluster.close());

  void it('echoes stdin through cat until end of file (exec -i)', async () => {
    const child = spawnKubectl(cluster.kubeconfig, ['exec', '-i', '-n', 'shop', pod, '--', 'cat']);
    try {
      child.child.stdin.write('first line\n');
      await child.waitFor((text) => text.includes('first line\n'));
      child.child.stdin.end('second line\n');
      assert.equal(await child.exited(), 0);
      assert.equal(child.output(), 'first line\nsecond line\n');
    } finally {
      child.stop();
    }
  });

  void it("exits with the command's code: sh -c 'exit 3'", async () => {
    const { code, stderr } = await exec('sh', '-c', 'exit 3');
    assert.equal(code, 3);
    assert.match(stderr, /command terminated with exit code 3/);
  });

  void it('runs echo, hostname and a small script', async () => {
    assert.equal((await exec('echo', 'hello', 'fleet')).stdout, 'hello fleet\n');
    assert.equal((await exec('hostname')).stdout, `${pod}\n`);
    const script = await exec('sh', '-c', 'false || echo "status $?"; echo $HOSTNAME && exit 0');
    assert.equal(script.stdout, `status 1\n${pod}\n`);
  });

  void it('prints the container environment with the kubelet defaults', async () => {
    const { code, stdout } = await exec('env');
    assert.equal(code, 0);
    assert.match(stdout, /^PATH=\/usr\/local\/sbin:/m);
    assert.match(stdout, new RegExp(`^HOSTNAME=${pod}$`, 'm'));
    assert.match(stdout, /^KUBERNETES_SERVICE_HOST=10\.96\.\d+\.\d+$/m);
  });

  void it('lists directories and reads files of the pretend file system', async () => {
    assert.match((await exec('ls', '/')).stdout, /^etc$/m);
    assert.equal((await exec('cat', '/etc/hostname')).stdout, `${pod}\n`);
    const missing = await exec('ls', '/nope');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /ls: cannot access '\/nope': No such file or directory/);
  });

  void it('answers an unknown command with exit code 127', async () => {
    const { code, stderr } = await exec('definitely-not-here');
    assert.equal(code, 127);
    assert.match(stderr, /executable file not found in \$PATH/);
  });

  void it('refuses a container the pod does not have', async () => {
    const { code, stderr } = await cluster.kubectl(
      'exec',
      '-n',
      'shop',
      pod,
      '-c',
      'nope',
      '--',
      'true',
    );
    assert.equal(code, 1);
    assert.match(stderr, /container nope not found|container nope is not valid/);
  });

  void it('attaches to the main process and shows its output', async () => {
    const child = spawnKubectl(cluster.kubeconfig, ['attach', '-n', 'shop', pod]);
    try {
      const text = await child.waitFor((out) => /"GET \S+ HTTP\/1\.1"/.test(out));
      assert.match(text, /^10\.244\.\d+\.\d+ - - \[/m);
    } finally {
      child.stop();
    }
  });
});
