// Registering a CustomResourceDefinition serves its resources generically, with discovery, until it is deleted.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useKubectlCluster } from '../testing/kubectl.ts';

const crd = `
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wd]}
  versions:
  - name: v1
    served: true
    storage: true
    subresources: {status: {}}
    schema:
      openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
`;

const widget = `
apiVersion: example.com/v1
kind: Widget
metadata: {name: w1, namespace: default}
spec: {size: 3}
`;

void describe('custom resources through real kubectl', () => {
  const kubectl = useKubectlCluster('crd-dev-1');

  void it('establishes a CRD and lists its resource in discovery', async () => {
    const created = await kubectl.withInput(crd, 'create', '-f', '-');
    assert.equal(
      created.stdout.trim(),
      'customresourcedefinition.apiextensions.k8s.io/widgets.example.com created',
    );
    const established = await kubectl(
      'wait',
      '--for=condition=Established',
      'crd/widgets.example.com',
      '--timeout=5s',
    );
    assert.equal(established.code, 0, established.stderr);
    const { stdout } = await kubectl('api-resources', '--api-group=example.com');
    assert.match(stdout, /^widgets\s+wd\s+example\.com\/v1\s+true\s+Widget$/m);
  });

  void it('creates, reads, patches and deletes custom resources', async () => {
    const created = await kubectl.withInput(widget, 'create', '-f', '-');
    assert.equal(created.stdout.trim(), 'widget.example.com/w1 created');
    assert.match((await kubectl('get', 'wd')).stdout, /^w1\s+\d+s$/m);
    const patched = await kubectl(
      'patch',
      'widget',
      'w1',
      '--type=merge',
      '-p',
      '{"spec":{"size":5}}',
    );
    assert.equal(patched.stdout.trim(), 'widget.example.com/w1 patched');
    const size = await kubectl(
      'get',
      'widget',
      'w1',
      '-o',
      'jsonpath={.spec.size} {.metadata.generation}',
    );
    assert.equal(size.stdout, '5 2');
  });

  void it('stops serving and forgets the resources when the CRD goes', async () => {
    await kubectl('delete', 'crd', 'widgets.example.com');
    const groups = await kubectl('get', '--raw', '/apis/example.com/v1');
    assert.equal(groups.code, 1);
    const after = await kubectl.withInput(crd, 'create', '-f', '-');
    assert.equal(after.code, 0, after.stderr);
    assert.equal((await kubectl('get', 'widgets', '-o', 'name')).stdout, '');
  });
});
