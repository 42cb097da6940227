// `flotilla agent manifests` produces objects a real API server accepts: applied with real
// kubectl to a simulated cluster, every one of them is there afterwards.
import assert from 'node:assert/strict';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startSimulator, type Simulator } from '@flotilla/simulator';
import { runCli } from './support/cli.ts';
import { kubectl } from './support/kubectl.ts';

let simulator: Simulator;

const manifestArgs = (joinToken: string) => [
  'agent',
  'manifests',
  '--hub-url',
  'https://hub.example.com',
  '--cluster',
  'edge-1',
  '--join-token',
  joinToken,
];
let dir: string;
let kubeconfig: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flotilla-manifests-'));
  simulator = await startSimulator({
    clusters: [{ name: 'edge-1', environment: 'prod', nodes: 1 }],
  });
  kubeconfig = join(dir, 'kubeconfig');
  await writeFile(kubeconfig, simulator.cluster('edge-1').kubeconfig());
});
after(async () => {
  await simulator.close();
  await rm(dir, { recursive: true, force: true });
});

void test('the agent manifests apply cleanly and create every object', async () => {
  const printed = await runCli(manifestArgs('flt_j_example'));
  assert.equal(printed.code, 0, printed.stderr);
  const file = join(dir, 'agent.yaml');
  await writeFile(file, printed.stdout);
  const applied = await kubectl(kubeconfig, 'edge-1', ['apply', '-f', file]);
  assert.equal(applied.code, 0, applied.stderr);
  for (const line of [
    'namespace/flotilla-system',
    'serviceaccount/flotilla-agent',
    'clusterrole.rbac.authorization.k8s.io/flotilla-agent',
    'clusterrolebinding.rbac.authorization.k8s.io/flotilla-hub-viewer',
    'role.rbac.authorization.k8s.io/flotilla-agent',
    'rolebinding.rbac.authorization.k8s.io/flotilla-agent',
    'secret/flotilla-agent-join',
    'deployment.apps/flotilla-agent',
    'service/flotilla-webhook',
  ]) {
    assert.match(applied.stdout, new RegExp(`^${line.replaceAll('.', '\\.')} created$`, 'm'));
  }
  const env = await kubectl(kubeconfig, 'edge-1', [
    'get',
    'deployment',
    'flotilla-agent',
    '-n',
    'flotilla-system',
    '-o',
    'jsonpath={.spec.template.spec.containers[0].env[0].value}',
  ]);
  assert.equal(env.stdout, 'https://hub.example.com');
  const canImpersonate = await kubectl(kubeconfig, 'edge-1', [
    'auth',
    'can-i',
    'impersonate',
    'users',
    '--as',
    'system:serviceaccount:flotilla-system:flotilla-agent',
  ]);
  assert.equal(canImpersonate.stdout.trim(), 'yes');
  const canDelete = await kubectl(kubeconfig, 'edge-1', [
    'auth',
    'can-i',
    'delete',
    'pods',
    '--as',
    'system:serviceaccount:flotilla-system:flotilla-agent',
  ]);
  assert.equal(
    canDelete.stdout.trim(),
    'no',
    'least privilege: the agent itself cannot delete pods',
  );
});

/** `kubectl auth can-i <args>` as the agent's service account, in its namespace. */
async function agentCan(...args: string[]): Promise<string> {
  const as = ['--as', 'system:serviceaccount:flotilla-system:flotilla-agent'];
  const result = await kubectl(kubeconfig, 'edge-1', ['auth', 'can-i', ...args, ...as]);
  return result.stdout.trim();
}

void test('the agent may keep its credential Secret and touch no other', async () => {
  const env = await kubectl(kubeconfig, 'edge-1', [
    'get',
    'deployment',
    'flotilla-agent',
    '-n',
    'flotilla-system',
    '-o',
    'jsonpath={range .spec.template.spec.containers[0].env[*]}{.name}={.value}{"\\n"}{end}',
  ]);
  assert.match(env.stdout, /^FLOTILLA_CREDENTIAL_STORE=secret$/m);
  assert.match(env.stdout, /^FLOTILLA_CREDENTIAL_SECRET=flotilla-agent-credential$/m);
  const ns = ['-n', 'flotilla-system'];
  for (const verb of ['get', 'update', 'patch'])
    assert.equal(await agentCan(verb, 'secret/flotilla-agent-credential', ...ns), 'yes', verb);
  assert.equal(
    await agentCan('create', 'secrets', ...ns),
    'yes',
    'create cannot be limited by name',
  );
  assert.equal(await agentCan('get', 'secret/flotilla-agent-join', ...ns), 'no');
  assert.equal(await agentCan('list', 'secrets', ...ns), 'no');
  assert.equal(await agentCan('delete', 'secret/flotilla-agent-credential', ...ns), 'no');
  assert.equal(await agentCan('get', 'secret/flotilla-agent-credential', '-n', 'default'), 'no');
});

void test('a malformed join token is refused before anything is printed', async () => {
  const result = await runCli(manifestArgs('nope'));
  assert.equal(result.code, 2);
  assert.match(result.stderr, /--join-token \(FLOTILLA_JOIN_TOKEN\) has invalid value "nope"/);
  assert.equal(result.stdout, '');
});
