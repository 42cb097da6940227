// ResourceQuotas through the real kubectl: usage kept current in status, and creations over a hard
// limit refused with kube-apiserver v1.32's messages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import { useKubectlCluster } from '../testing/kubectl.ts';
import type { Kubectl } from '../testing/kubectl.ts';

const quota = {
  apiVersion: 'v1',
  kind: 'ResourceQuota',
  metadata: { name: 'team', namespace: 'default' },
  spec: {
    hard: {
      pods: '3',
      'requests.cpu': '1',
      'requests.memory': '1Gi',
      'limits.cpu': '2',
      'count/configmaps': '2',
    },
  },
};

function pod(name: string, cpu: string): string {
  const resources = { requests: { cpu, memory: '256Mi' }, limits: { cpu } };
  return stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { containers: [{ name: 'main', image: 'nginx:1.27', resources }] },
  });
}

/** Waits (kubectl's own wait) until the quota's status says `resource` is used `amount`. */
async function waitForUsed(kubectl: Kubectl, resource: string, amount: string): Promise<void> {
  const path = `{.status.used.${resource.replace('.', '\\.')}}`;
  const args = ['wait', 'quota/team', `--for=jsonpath=${path}=${amount}`, '--timeout=60s'];
  const waited = await kubectl(...args);
  assert.equal(waited.code, 0, waited.stderr);
}

async function quotaRow(kubectl: Kubectl): Promise<string[]> {
  const table = await kubectl('get', 'quota', 'team');
  const [header, row] = table.stdout.trim().split('\n');
  assert.deepEqual(header?.split(/\s{2,}/), ['NAME', 'AGE', 'REQUEST', 'LIMIT']);
  return (row ?? '').split(/\s{2,}/);
}

void describe('ResourceQuota', () => {
  const kubectl = useKubectlCluster('quota-dev-1');

  void it('mirrors its hard limits into status and counts what the namespace holds', async () => {
    const applied = await kubectl.withInput(stringify(quota), 'apply', '-f', '-');
    assert.equal(applied.code, 0, applied.stderr);
    // kube-root-ca.crt is a config map of every namespace, so it counts.
    await waitForUsed(kubectl, 'count/configmaps', '1');
    const [name, , request, limit] = await quotaRow(kubectl);
    assert.equal(name, 'team');
    assert.equal(
      request,
      'count/configmaps: 1/2, pods: 0/3, requests.cpu: 0/1, requests.memory: 0/1Gi',
    );
    assert.equal(limit, 'limits.cpu: 0/2');
    const described = await kubectl('describe', 'quota', 'team');
    assert.match(described.stdout, /Resource\s+Used\s+Hard\n/);
    assert.match(described.stdout, /requests\.memory\s+0\s+1Gi\n/);
  });

  void it('refuses a misspelt field, as its schema is known', async () => {
    const typo = { ...quota, metadata: { name: 'typo' }, spec: { hrad: { pods: '1' } } };
    const refused = await kubectl.withInput(stringify(typo), 'apply', '-f', '-');
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /strict decoding error: unknown field "spec\.hrad"/);
    const explained = await kubectl('explain', 'quota.spec.hard');
    assert.match(explained.stdout, /FIELD: hard <map\[string\]Quantity>/);
  });

  void it('stops counting a pod once it has succeeded', async () => {
    const resources = { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '100m' } };
    const job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'once', namespace: 'default' },
      spec: {
        template: {
          spec: {
            restartPolicy: 'Never',
            containers: [{ name: 'main', image: 'busybox:1.36', resources }],
          },
        },
      },
    };
    assert.equal((await kubectl.withInput(stringify(job), 'create', '-f', '-')).code, 0);
    const done = await kubectl('wait', 'job/once', '--for=condition=complete', '--timeout=60s');
    assert.equal(done.code, 0, done.stderr);
    const phase = await kubectl(
      'get',
      'pods',
      '-l',
      'job-name=once',
      '-o',
      'jsonpath={.items[*].status.phase}',
    );
    assert.equal(phase.stdout, 'Succeeded');
    await waitForUsed(kubectl, 'pods', '0');
    await waitForUsed(kubectl, 'requests.cpu', '0');
  });

  void it('refuses a pod that leaves a constrained resource unset', async () => {
    const refused = await kubectl('run', 'bare', '--image=nginx:1.27');
    assert.equal(refused.code, 1);
    assert.equal(
      refused.stderr.trim(),
      'Error from server (Forbidden): pods "bare" is forbidden: failed quota: team: must specify limits.cpu for: bare; requests.cpu for: bare; requests.memory for: bare',
    );
  });

  void it('counts pods’ requests and limits, and refuses the pod that goes over', async () => {
    for (const name of ['first', 'second']) {
      const created = await kubectl.withInput(pod(name, '500m'), 'create', '-f', '-');
      assert.equal(created.code, 0, created.stderr);
    }
    await waitForUsed(kubectl, 'requests.cpu', '1');
    const [, , request, limit] = await quotaRow(kubectl);
    assert.equal(
      request,
      'count/configmaps: 1/2, pods: 2/3, requests.cpu: 1/1, requests.memory: 512Mi/1Gi',
    );
    assert.equal(limit, 'limits.cpu: 1/2');
    const refused = await kubectl.withInput(pod('third', '500m'), 'create', '-f', '-');
    assert.equal(refused.code, 1);
    assert.equal(
      refused.stderr.trim(),
      'Error from server (Forbidden): error when creating "STDIN": pods "third" is forbidden: exceeded quota: team, requested: requests.cpu=500m, used: requests.cpu=1, limited: requests.cpu=1',
    );
  });

  void it('frees a deleted pod’s share', async () => {
    const deleted = await kubectl('delete', 'pod', 'second', '--wait=true');
    assert.equal(deleted.code, 0, deleted.stderr);
    await waitForUsed(kubectl, 'requests.cpu', '500m');
    const created = await kubectl.withInput(pod('third', '500m'), 'create', '-f', '-');
    assert.equal(created.code, 0, created.stderr);
  });

  void it('refuses a config map over its count', async () => {
    assert.equal((await kubectl('create', 'configmap', 'one')).code, 0);
    await waitForUsed(kubectl, 'count/configmaps', '2');
    const refused = await kubectl('create', 'configmap', 'two');
    assert.equal(refused.code, 1);
    assert.equal(
      refused.stderr.trim(),
      'error: failed to create configmap: configmaps "two" is forbidden: exceeded quota: team, requested: count/configmaps=1, used: count/configmaps=2, limited: count/configmaps=2',
    );
  });
});
