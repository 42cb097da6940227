// `kubectl auth can-i`, `auth whoami`, `--as` and Forbidden errors against a simulated cluster's RBAC.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSimulator } from '../index.ts';
import type { Simulator } from '../index.ts';
import { kubectlFor } from '../testing/kubectl.ts';
import type { Kubectl } from '../testing/kubectl.ts';

void describe('real kubectl and RBAC', () => {
  let simulator: Simulator;
  let kubectl: Kubectl;
  let aliceToken: string;

  void before(async () => {
    simulator = await startSimulator({
      clusters: [{ name: 'authz-qa-1', environment: 'qa', nodes: 1 }],
    });
    const cluster = simulator.cluster('authz-qa-1');
    kubectl = await kubectlFor(cluster);
    aliceToken = cluster.addUser({ name: 'alice', groups: ['developers'] });
  });

  const aliceCanI = (verb: string, resource: string) =>
    kubectl('--token', aliceToken, 'auth', 'can-i', verb, resource, '-n', 'default');

  void after(async () => {
    await kubectl.dispose();
    await simulator.close();
  });

  void it('says yes to the admin for anything', async () => {
    const outcome = await kubectl('auth', 'can-i', 'delete', 'nodes');
    assert.deepEqual([outcome.code, outcome.stdout], [0, 'yes\n']);
    const all = await kubectl('auth', 'can-i', '*', '*');
    assert.equal(all.stdout, 'yes\n');
  });

  void it('says no to an unbound user, and yes once a rolebinding grants it', async () => {
    const before = await aliceCanI('list', 'pods');
    assert.deepEqual([before.code, before.stdout], [1, 'no\n']);
    const bound = await kubectl(
      'create',
      'rolebinding',
      'dev-view',
      '--clusterrole=view',
      '--group=developers',
      '-n',
      'default',
    );
    assert.equal(bound.stdout.trim(), 'rolebinding.rbac.authorization.k8s.io/dev-view created');
    const after = await aliceCanI('list', 'pods');
    assert.deepEqual([after.code, after.stdout], [0, 'yes\n']);
    const logs = await aliceCanI('get', 'pods/log');
    assert.equal(logs.stdout, 'yes\n');
    const secrets = await aliceCanI('get', 'secrets');
    assert.equal(secrets.stdout, 'no\n');
  });

  void it('impersonates with --as and prints the Forbidden error as against a real cluster', async () => {
    const canI = await kubectl(
      'auth',
      'can-i',
      'list',
      'deployments.apps',
      '-n',
      'kube-system',
      '--as',
      'carol',
    );
    assert.deepEqual([canI.code, canI.stdout], [1, 'no\n']);
    const denied = await kubectl('get', 'pods', '-n', 'default', '--as', 'carol');
    assert.equal(denied.code, 1);
    assert.equal(
      denied.stderr.trim(),
      'Error from server (Forbidden): pods is forbidden: User "carol" cannot list resource "pods" in API group "" in the namespace "default"',
    );
    const asGroup = await kubectl(
      'get',
      'pods',
      '-n',
      'default',
      '--as',
      'carol',
      '--as-group',
      'developers',
    );
    assert.equal(asGroup.code, 0, asGroup.stderr);
  });

  void it('reports who the caller is', async () => {
    const whoami = await kubectl(
      '--token',
      aliceToken,
      'auth',
      'whoami',
      '-o',
      'jsonpath={.status.userInfo.username} {.status.userInfo.groups}',
    );
    assert.equal(whoami.stdout, 'alice ["developers","system:authenticated"]');
  });

  void it('lists bindings with their role and subjects', async () => {
    const { stdout } = await kubectl('get', 'rolebindings', '-n', 'default', '-o', 'wide');
    assert.match(stdout, /^NAME\s+ROLE\s+AGE\s+USERS\s+GROUPS\s+SERVICEACCOUNTS$/m);
    assert.match(stdout, /^dev-view\s+ClusterRole\/view\s+\d+s\s+developers\s*$/m);
    const roles = await kubectl('get', 'clusterroles', 'cluster-admin');
    assert.match(roles.stdout, /^cluster-admin\s+\d{4}-\d\d-\d\dT/m);
  });
});
