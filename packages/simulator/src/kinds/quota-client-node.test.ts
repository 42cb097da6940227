// LimitRange and ResourceQuota through @kubernetes/client-node's typed API, as an operator would use them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiException, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import type { V1Pod } from '@kubernetes/client-node';
import { startSimulator } from '../index.ts';
import type { Simulator } from '../index.ts';

const namespace = 'default';

function pod(name: string, cpu?: string): V1Pod {
  const resources = cpu === undefined ? {} : { limits: { cpu } };
  return {
    metadata: { name },
    spec: { containers: [{ name: 'main', image: 'nginx', resources }] },
  };
}

/** The Status message of a refused call. */
async function refusal(call: Promise<unknown>): Promise<{ code: number; message: string }> {
  try {
    await call;
  } catch (error) {
    assert.ok(error instanceof ApiException);
    const body = JSON.parse(String(error.body)) as { message: string };
    return { code: error.code, message: body.message };
  }
  return { code: 200, message: '' };
}

void describe('LimitRange and ResourceQuota with client-node', () => {
  let simulator: Simulator;
  let core: CoreV1Api;

  before(async () => {
    simulator = await startSimulator({ clusters: [{ name: 'quota-qa-1', environment: 'qa' }] });
    const config = new KubeConfig();
    config.loadFromString(simulator.cluster('quota-qa-1').kubeconfig());
    core = config.makeApiClient(CoreV1Api);
  });

  after(() => simulator.close());

  void it('defaults a pod from the range and refuses the pod the quota cannot hold', async () => {
    await core.createNamespacedLimitRange({
      namespace,
      body: {
        metadata: { name: 'compute' },
        spec: { limits: [{ type: 'Container', _default: { cpu: '400m' } }] },
      },
    });
    await core.createNamespacedResourceQuota({
      namespace,
      body: { metadata: { name: 'small' }, spec: { hard: { 'limits.cpu': '1' } } },
    });
    const first = await core.createNamespacedPod({ namespace, body: pod('first') });
    assert.deepEqual(first.spec?.containers[0]?.resources?.requests, { cpu: '400m' });
    await core.createNamespacedPod({ namespace, body: pod('second', '600m') });
    const refused = await refusal(core.createNamespacedPod({ namespace, body: pod('third') }));
    assert.deepEqual(refused, {
      code: 403,
      message:
        'pods "third" is forbidden: exceeded quota: small, requested: limits.cpu=400m, used: limits.cpu=1, limited: limits.cpu=1',
    });
    const ranges = await core.listNamespacedLimitRange({ namespace });
    assert.deepEqual(ranges.items[0]?.spec?.limits[0]?.defaultRequest, { cpu: '400m' });
  });
});
