// Ingresses are stored with an empty load-balancer status, as kube-apiserver v1.32 stores them,
// whether kubectl sends JSON (`create -f`) or protobuf (`create ingress`).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import { useKubectlCluster } from '../testing/kubectl.ts';

const ingress = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name: 'from-json', namespace: 'default' },
  spec: { defaultBackend: { service: { name: 'web', port: { number: 80 } } } },
  // Create cannot set status: the server drops it.
  status: { loadBalancer: { ingress: [{ ip: '10.0.0.9' }] } },
};

void describe('Ingress status on create', () => {
  const kubectl = useKubectlCluster('ingress-status-1');

  async function statusOf(name: string): Promise<unknown> {
    const outcome = await kubectl('get', 'ingress', name, '-o', 'json');
    assert.equal(outcome.code, 0, outcome.stderr);
    return (JSON.parse(outcome.stdout) as Record<string, unknown>)['status'];
  }

  void it('is an empty load balancer for a JSON create', async () => {
    const created = await kubectl.withInput(stringify(ingress), 'create', '-f', '-');
    assert.equal(created.code, 0, created.stderr);
    assert.deepEqual(await statusOf('from-json'), { loadBalancer: {} });
  });

  void it('is an empty load balancer for a protobuf create, and survives a spec update', async () => {
    const created = await kubectl('create', 'ingress', 'from-proto', '--rule=a.com/=a:80');
    assert.equal(created.code, 0, created.stderr);
    assert.deepEqual(await statusOf('from-proto'), { loadBalancer: {} });
    const labelled = await kubectl('label', 'ingress', 'from-proto', 'team=web');
    assert.equal(labelled.code, 0, labelled.stderr);
    assert.deepEqual(await statusOf('from-proto'), { loadBalancer: {} });
  });
});
