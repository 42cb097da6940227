// Scoped ResourceQuotas through the real kubectl: a quota counts and constrains only the pods
// matching its scopes, and scope combinations v1.32 refuses are refused with its messages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import { useKubectlCluster } from '../testing/kubectl.ts';
import type { Kubectl } from '../testing/kubectl.ts';

function pod(name: string, namespace: string, extra: Record<string, unknown> = {}): string {
  const container = { name: 'main', image: 'nginx:1.27' };
  return stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace },
    spec: { containers: [container], ...extra },
  });
}

const requesting = {
  containers: [
    { name: 'main', image: 'nginx:1.27', resources: { requests: { cpu: '100m', memory: '64Mi' } } },
  ],
};

async function create(kubectl: Kubectl, manifest: string): Promise<string> {
  const created = await kubectl.withInput(manifest, 'create', '-f', '-');
  return created.code === 0 ? '' : created.stderr.trim();
}

async function waitForPods(kubectl: Kubectl, quota: string, ns: string, n: string): Promise<void> {
  const args = ['wait', '-n', ns, `quota/${quota}`, `--for=jsonpath={.status.used.pods}=${n}`];
  const waited = await kubectl(...args, '--timeout=60s');
  assert.equal(waited.code, 0, waited.stderr);
}

void describe('ResourceQuota scopes', () => {
  const kubectl = useKubectlCluster('quota-scopes-1');

  void it('limits only best-effort pods with a BestEffort quota', async () => {
    assert.equal((await kubectl('create', 'namespace', 'batch')).code, 0);
    const made = await kubectl(
      ...['create', 'quota', 'besteffort', '-n', 'batch', '--hard=pods=1', '--scopes=BestEffort'],
    );
    assert.equal(made.code, 0, made.stderr);
    assert.equal(await create(kubectl, pod('first', 'batch')), '');
    assert.equal(
      await create(kubectl, pod('second', 'batch')),
      'Error from server (Forbidden): error when creating "STDIN": pods "second" is forbidden: exceeded quota: besteffort, requested: pods=1, used: pods=1, limited: pods=1',
    );
    assert.equal(await create(kubectl, pod('sized', 'batch', requesting)), '');
    await waitForPods(kubectl, 'besteffort', 'batch', '1');
  });

  void it('counts only pods of the selected PriorityClass', async () => {
    const classed = await kubectl('create', 'priorityclass', 'high', '--value=1000');
    assert.equal(classed.code, 0, classed.stderr);
    assert.equal((await kubectl('create', 'namespace', 'prio')).code, 0);
    const quota = {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'high-pods', namespace: 'prio' },
      spec: {
        hard: { pods: '2' },
        scopeSelector: {
          matchExpressions: [{ scopeName: 'PriorityClass', operator: 'In', values: ['high'] }],
        },
      },
    };
    const applied = await kubectl.withInput(stringify(quota), 'apply', '-f', '-');
    assert.equal(applied.code, 0, applied.stderr);
    for (const name of ['a', 'b']) {
      assert.equal(await create(kubectl, pod(name, 'prio', { priorityClassName: 'high' })), '');
    }
    for (const name of ['plain-a', 'plain-b', 'plain-c']) {
      assert.equal(await create(kubectl, pod(name, 'prio')), '');
    }
    await waitForPods(kubectl, 'high-pods', 'prio', '2');
    const described = await kubectl('describe', 'quota', 'high-pods', '-n', 'prio');
    assert.equal(described.code, 0, described.stderr);
    assert.match(described.stdout, /Resource\s+Used\s+Hard\n[-\s]+\npods\s+2\s+2\n/);
    assert.match(
      await create(kubectl, pod('c', 'prio', { priorityClassName: 'high' })),
      /pods "c" is forbidden: exceeded quota: high-pods, requested: pods=1, used: pods=2, limited: pods=2$/,
    );
  });

  void it('refuses conflicting scopes and resources a scope cannot limit', async () => {
    const conflicting = await kubectl(
      ...['create', 'quota', 'both', '--hard=pods=1', '--scopes=Terminating,NotTerminating'],
    );
    assert.equal(conflicting.code, 1);
    assert.match(
      conflicting.stderr,
      /ResourceQuota "both" is invalid: spec\.scopes: Invalid value: \[\]core\.ResourceQuotaScope\{"Terminating", "NotTerminating"\}: conflicting scopes\n$/,
    );
    const misapplied = await kubectl(
      ...['create', 'quota', 'cpu', '--hard=pods=1,requests.cpu=1', '--scopes=BestEffort'],
    );
    assert.equal(misapplied.code, 1);
    assert.match(
      misapplied.stderr,
      /ResourceQuota "cpu" is invalid: spec\.scopes: Invalid value: \[\]core\.ResourceQuotaScope\{"BestEffort"\}: unsupported scope applied to resource\n$/,
    );
    const selector = {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'pair', namespace: 'default' },
      spec: {
        hard: { pods: '1' },
        scopeSelector: {
          matchExpressions: [
            { scopeName: 'BestEffort', operator: 'Exists' },
            { scopeName: 'NotBestEffort', operator: 'In', values: ['x'] },
          ],
        },
      },
    };
    const refused = await kubectl.withInput(stringify(selector), 'apply', '-f', '-');
    assert.equal(refused.code, 1);
    assert.equal(
      refused.stderr,
      [
        'The ResourceQuota "pair" is invalid: ',
        `* spec.scopeSelector.matchExpressions.operator: Invalid value: "In": must be 'Exists' when scope is any of ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity`,
        '* spec.scopeSelector.matchExpressions: Invalid value: []core.ResourceQuotaScope(nil): conflicting scopes',
        '',
      ].join('\n'),
    );
  });
});
