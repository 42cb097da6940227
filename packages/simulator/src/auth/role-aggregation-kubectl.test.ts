// ClusterRole aggregation through real kubectl: aggregate-to-view roles extend view, custom selectors work.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSimulator } from '../index.ts';
import type { Simulator } from '../index.ts';
import { kubectlFor } from '../testing/kubectl.ts';
import type { Kubectl } from '../testing/kubectl.ts';

const crd = `
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {plural: widgets, singular: widget, kind: Widget}
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
`;

const widgetsView = `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: widgets-view
  labels: {rbac.authorization.k8s.io/aggregate-to-view: "true"}
rules:
- apiGroups: [example.com]
  resources: [widgets]
  verbs: [get, list]
`;

const widgetRule = { apiGroups: ['example.com'], resources: ['widgets'], verbs: ['get', 'list'] };

void describe('ClusterRole aggregation with real kubectl', () => {
  let simulator: Simulator;
  let kubectl: Kubectl;
  let bobToken: string;

  void before(async () => {
    simulator = await startSimulator({
      clusters: [{ name: 'aggregation-qa-1', environment: 'qa', nodes: 1 }],
    });
    const cluster = simulator.cluster('aggregation-qa-1');
    kubectl = await kubectlFor(cluster);
    bobToken = cluster.addUser({ name: 'bob', groups: ['viewers'] });
    const created = await kubectl.withInput(crd, 'create', '-f', '-');
    assert.equal(created.code, 0, created.stderr);
  });

  void after(async () => {
    await kubectl.dispose();
    await simulator.close();
  });

  const bobCanI = async (verb: string, resource: string): Promise<string> => {
    const args = ['--token', bobToken, 'auth', 'can-i', verb, resource, '-n', 'default'];
    return (await kubectl(...args)).stdout.trim();
  };

  const rulesOf = async (role: string): Promise<unknown[]> => {
    const { stdout, stderr, code } = await kubectl('get', 'clusterrole', role, '-o', 'json');
    assert.equal(code, 0, stderr);
    const parsed = JSON.parse(stdout) as { rules?: unknown[] };
    return parsed.rules ?? [];
  };

  void it('extends view, edit and admin with an aggregate-to-view role until it is deleted', async () => {
    const bound = await kubectl(
      ...['create', 'rolebinding', 'viewers', '--clusterrole=view', '--group=viewers'],
      ...['-n', 'default'],
    );
    assert.equal(bound.code, 0, bound.stderr);
    assert.equal(await bobCanI('list', 'widgets.example.com'), 'no');
    assert.equal(await bobCanI('list', 'pods'), 'yes');

    const applied = await kubectl.withInput(widgetsView, 'apply', '-f', '-');
    assert.equal(applied.code, 0, applied.stderr);
    assert.equal(await bobCanI('list', 'widgets.example.com'), 'yes');
    assert.equal(await bobCanI('get', 'widgets.example.com'), 'yes');
    assert.equal(await bobCanI('delete', 'widgets.example.com'), 'no');
    // view feeds edit and edit feeds admin, so the rule travels up the chain. Sources are taken in
    // name order: widgets-view after system:aggregate-to-view, view after system:aggregate-to-edit,
    // but edit before system:aggregate-to-admin, whose two rules come last in admin.
    assert.deepEqual((await rulesOf('view')).at(-1), widgetRule);
    assert.deepEqual((await rulesOf('edit')).at(-1), widgetRule);
    assert.deepEqual((await rulesOf('admin')).at(-3), widgetRule);

    const deleted = await kubectl('delete', 'clusterrole', 'widgets-view');
    assert.equal(deleted.code, 0, deleted.stderr);
    assert.equal(await bobCanI('list', 'widgets.example.com'), 'no');
    assert.equal(await bobCanI('list', 'pods'), 'yes');
    for (const role of ['view', 'edit', 'admin']) {
      assert.equal(JSON.stringify(await rulesOf(role)).includes('widgets'), false, role);
    }
  });

  void it('aggregates into a custom role as sources are labelled, changed and unlabelled', async () => {
    const created = await kubectl(
      ...['create', 'clusterrole', 'monitoring', '--aggregation-rule=example.com/monitor=true'],
    );
    assert.equal(created.code, 0, created.stderr);
    const bound = await kubectl(
      ...['create', 'rolebinding', 'monitoring', '--clusterrole=monitoring', '--group=viewers'],
      ...['-n', 'default'],
    );
    assert.equal(bound.code, 0, bound.stderr);
    await kubectl('create', 'clusterrole', 'secret-reader', '--verb=get', '--resource=secrets');
    assert.deepEqual(await rulesOf('monitoring'), []);
    assert.equal(await bobCanI('get', 'secrets'), 'no');

    await kubectl('label', 'clusterrole', 'secret-reader', 'example.com/monitor=true');
    const secretRule = { apiGroups: [''], resources: ['secrets'], verbs: ['get'] };
    assert.deepEqual(await rulesOf('monitoring'), [secretRule]);
    assert.equal(await bobCanI('get', 'secrets'), 'yes');
    assert.equal(await bobCanI('list', 'secrets'), 'no');
    const managers = await kubectl(
      ...['get', 'clusterrole', 'monitoring', '--show-managed-fields', '-o'],
      'jsonpath={.metadata.managedFields[*].manager}',
    );
    assert.match(managers.stdout, /\bclusterrole-aggregation-controller\b/);

    const addList = '[{"op":"add","path":"/rules/0/verbs/-","value":"list"}]';
    await kubectl('patch', 'clusterrole', 'secret-reader', '--type=json', '-p', addList);
    assert.equal(await bobCanI('list', 'secrets'), 'yes');

    await kubectl('label', 'clusterrole', 'secret-reader', 'example.com/monitor-');
    assert.deepEqual(await rulesOf('monitoring'), []);
    assert.equal(await bobCanI('get', 'secrets'), 'no');
  });

  void it('leaves the rules a role was created with while it selects nothing', async () => {
    const preset = `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: preset}
aggregationRule:
  clusterRoleSelectors: [{matchLabels: {example.com/none: "true"}}]
rules: [{apiGroups: [""], resources: [pods], verbs: [get]}]
`;
    const applied = await kubectl.withInput(preset, 'apply', '-f', '-');
    assert.equal(applied.code, 0, applied.stderr);
    // The controller's apply carries no rules then, and it never owned the ones given.
    assert.deepEqual(await rulesOf('preset'), [
      { apiGroups: [''], resources: ['pods'], verbs: ['get'] },
    ]);
  });

  void it('shows the default roles aggregating as on a real cluster', async () => {
    const { stdout } = await kubectl(
      ...['get', 'clusterrole', 'edit', '-o'],
      'jsonpath={.aggregationRule.clusterRoleSelectors[0].matchLabels} {.metadata.labels}',
    );
    assert.equal(
      stdout,
      '{"rbac.authorization.k8s.io/aggregate-to-edit":"true"} ' +
        '{"kubernetes.io/bootstrapping":"rbac-defaults","rbac.authorization.k8s.io/aggregate-to-admin":"true"}',
    );
    const feeders = await kubectl(
      ...['get', 'clusterroles', '-l', 'rbac.authorization.k8s.io/aggregate-to-view=true'],
      ...['-o', 'name'],
    );
    assert.equal(
      feeders.stdout,
      'clusterrole.rbac.authorization.k8s.io/system:aggregate-to-view\n',
    );
  });
});
