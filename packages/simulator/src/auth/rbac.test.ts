// RBAC over HTTP: bearer identities, impersonation as the hub's agent uses it, Forbidden wording, reviews.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSimulator } from '../index.ts';
import type { SimulatedCluster, Simulator } from '../index.ts';

type Json = Record<string, unknown>;

const agentName = 'system:serviceaccount:flotilla-system:flotilla-agent';

void describe('authorization', () => {
  let simulator: Simulator;
  let cluster: SimulatedCluster;
  let agentToken: string;

  const call = async (
    token: string,
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const response = await fetch(`${cluster.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    return { status: response.status, body: (await response.json()) as Json };
  };
  const admin = (method: string, path: string, body?: unknown) =>
    call(cluster.token, method, path, { body });
  const asAlice = (method: string, path: string, groups: string[] = []) => {
    const headers = new Headers({ 'impersonate-user': 'alice' });
    for (const group of groups) headers.append('impersonate-group', group);
    return call(agentToken, method, path, { headers: Object.fromEntries(headers) });
  };
  const rbac = '/apis/rbac.authorization.k8s.io/v1';

  void before(async () => {
    simulator = await startSimulator({
      clusters: [{ name: 'rbac-dev-1', environment: 'dev', nodes: 1 }],
      tls: false,
    });
    cluster = simulator.cluster('rbac-dev-1');
    agentToken = cluster.addUser({ name: agentName });
    await admin('POST', `${rbac}/clusterroles`, {
      metadata: { name: 'flotilla-impersonator' },
      rules: [{ apiGroups: [''], resources: ['users', 'groups'], verbs: ['impersonate'] }],
    });
    await admin('POST', `${rbac}/clusterrolebindings`, {
      metadata: { name: 'flotilla-agent-impersonates' },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'flotilla-impersonator',
      },
      subjects: [{ kind: 'ServiceAccount', name: 'flotilla-agent', namespace: 'flotilla-system' }],
    });
  });

  void after(() => simulator.close());

  void it('forbids an impersonated user without a binding, then allows it once bound', async () => {
    const denied = await asAlice('GET', '/api/v1/namespaces/default/pods');
    assert.equal(denied.status, 403);
    assert.deepEqual(denied.body, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'pods is forbidden: User "alice" cannot list resource "pods" in API group "" in the namespace "default"',
      reason: 'Forbidden',
      details: { kind: 'pods' },
      code: 403,
    });
    const bound = await admin('POST', `${rbac}/namespaces/default/rolebindings`, {
      metadata: { name: 'alice-view' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'alice' }],
    });
    assert.equal(bound.status, 201);
    const allowed = await asAlice('GET', '/api/v1/namespaces/default/pods');
    assert.equal(allowed.status, 200);
    assert.equal(allowed.body['kind'], 'PodList');
    const elsewhere = await asAlice('GET', '/api/v1/namespaces/kube-system/pods');
    assert.equal(elsewhere.status, 403);
    const write = await asAlice('DELETE', '/api/v1/namespaces/default/pods/x');
    assert.equal(
      write.body['message'],
      'pods "x" is forbidden: User "alice" cannot delete resource "pods" in API group "" in the namespace "default"',
    );
    assert.deepEqual(write.body['details'], { name: 'x', kind: 'pods' });
  });

  void it('refuses impersonation to a caller who may not impersonate', async () => {
    const token = cluster.addUser({ name: 'system:serviceaccount:flotilla-system:nobody' });
    const response = await call(token, 'GET', '/api/v1/namespaces/default/pods', {
      headers: { 'impersonate-user': 'alice' },
    });
    assert.equal(response.status, 403);
    assert.equal(
      response.body['message'],
      'users "alice" is forbidden: User "system:serviceaccount:flotilla-system:nobody" cannot impersonate resource "users" in API group "" at the cluster scope',
    );
  });

  void it('grants through impersonated groups', async () => {
    await admin('POST', `${rbac}/clusterrolebindings`, {
      metadata: { name: 'ops-edit' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'edit' },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'ops' }],
    });
    assert.equal(
      (await asAlice('GET', '/apis/apps/v1/namespaces/kube-system/deployments')).status,
      403,
    );
    assert.equal(
      (await asAlice('GET', '/apis/apps/v1/namespaces/kube-system/deployments', ['ops'])).status,
      200,
    );
  });

  void it('honours resourceNames, and says when a binding names a missing role', async () => {
    const bob = cluster.addUser({ name: 'bob', token: 'bob-token' });
    await admin('POST', `${rbac}/namespaces/default/roles`, {
      metadata: { name: 'one-config' },
      rules: [
        {
          apiGroups: [''],
          resources: ['configmaps'],
          resourceNames: ['kube-root-ca.crt'],
          verbs: ['get'],
        },
      ],
    });
    for (const [name, role] of [
      ['bob-one', 'one-config'],
      ['bob-ghost', 'ghost'],
    ] as const) {
      await admin('POST', `${rbac}/namespaces/default/rolebindings`, {
        metadata: { name },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: role },
        subjects: [{ kind: 'User', name: 'bob' }],
      });
    }
    assert.equal(
      (await call(bob, 'GET', '/api/v1/namespaces/default/configmaps/kube-root-ca.crt')).status,
      200,
    );
    const other = await call(bob, 'GET', '/api/v1/namespaces/default/configmaps/other');
    assert.equal(
      other.body['message'],
      'configmaps "other" is forbidden: User "bob" cannot get resource "configmaps" in API group "" in the namespace "default": RBAC: role.rbac.authorization.k8s.io "ghost" not found',
    );
    assert.equal((await call(bob, 'GET', '/api/v1/namespaces/default/configmaps')).status, 403);
  });

  void it('answers access reviews, rules reviews and whoami for the caller', async () => {
    const review = (resourceAttributes: Json) =>
      call(agentToken, 'POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
        body: { spec: { resourceAttributes } },
        headers: { 'impersonate-user': 'alice' },
      });
    const logs = await review({
      namespace: 'default',
      verb: 'get',
      resource: 'pods',
      subresource: 'log',
    });
    assert.equal(logs.status, 201);
    assert.deepEqual(logs.body['status'], {
      allowed: true,
      reason:
        'RBAC: allowed by RoleBinding "alice-view/default" of ClusterRole "view" to User "alice"',
    });
    const secrets = await review({ namespace: 'default', verb: 'list', resource: 'secrets' });
    assert.deepEqual(secrets.body['status'], { allowed: false });
    const whoami = await call(
      agentToken,
      'POST',
      '/apis/authentication.k8s.io/v1/selfsubjectreviews',
      { body: {} },
    );
    assert.deepEqual(whoami.body['status'], {
      userInfo: {
        username: agentName,
        groups: [
          'system:serviceaccounts',
          'system:serviceaccounts:flotilla-system',
          'system:authenticated',
        ],
      },
    });
    const rules = await call(
      agentToken,
      'POST',
      '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews',
      {
        body: { spec: { namespace: 'default' } },
      },
    );
    const resourceRules = (rules.body['status'] as { resourceRules: Json[] }).resourceRules;
    assert.ok(resourceRules.some((rule) => JSON.stringify(rule['verbs']) === '["impersonate"]'));
  });

  void it('rejects a binding to an unsupported role kind, and a changed roleRef', async () => {
    const bad = await admin('POST', `${rbac}/clusterrolebindings`, {
      metadata: { name: 'bad' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'x' },
    });
    assert.equal(bad.status, 422);
    assert.equal(
      bad.body['message'],
      'ClusterRoleBinding.rbac.authorization.k8s.io "bad" is invalid: roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"',
    );
    const changed = await call(cluster.token, 'PATCH', `${rbac}/clusterrolebindings/ops-edit`, {
      body: { roleRef: { name: 'view' } },
      headers: { 'content-type': 'application/merge-patch+json' },
    });
    assert.equal(changed.status, 422);
    assert.match(
      String(changed.body['message']),
      /roleRef: Invalid value: .*cannot change roleRef$/,
    );
  });
});
