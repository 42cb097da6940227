// OpenAPI v3 as kubectl uses it: explain prints field descriptions, and validation runs on the server.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useKubectlCluster } from '../testing/kubectl.ts';

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment --
   These tests read raw OpenAPI documents; typing them would hide the JSON under test. */
type Json = Record<string, any>;

const deployment = (extra: string) => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: default}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx:1.27
${extra}`;

void describe('OpenAPI v3 through real kubectl', () => {
  const kubectl = useKubectlCluster('oapi-dev-1');

  void it('explains a kind with its fields and their descriptions', async () => {
    const { code, stdout } = await kubectl('explain', 'pods');
    assert.equal(code, 0);
    assert.match(stdout, /^KIND:\s+Pod$/m);
    assert.match(stdout, /^VERSION:\s+v1$/m);
    assert.match(
      stdout,
      /^ {2}spec\t<PodSpec>\n {4}Specification of the desired behavior of the pod\./m,
    );
  });

  void it('explains nested fields through references', async () => {
    const strategy = await kubectl('explain', 'deployment.spec.strategy');
    assert.match(strategy.stdout, /^GROUP:\s+apps$/m);
    assert.match(strategy.stdout, /^FIELD: strategy <DeploymentStrategy>$/m);
    assert.match(strategy.stdout, /^ {2}rollingUpdate\t<RollingUpdateDeployment>$/m);
    const resources = await kubectl('explain', 'pods.spec.containers.resources');
    assert.match(resources.stdout, /^FIELD: resources <ResourceRequirements>$/m);
    assert.match(resources.stdout, /^ {2}limits\t<map\[string\]Quantity>\n {4}The maximum amount/m);
    const missing = await kubectl('explain', 'pods.spec.nosuchfield');
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /field "nosuchfield" does not exist/);
  });

  void it('serves the index and documents with list-type and merge-key extensions', async () => {
    const index = JSON.parse((await kubectl('get', '--raw', '/openapi/v3')).stdout) as Json;
    const url = String(index['paths']['api/v1']['serverRelativeURL']);
    assert.match(url, /^\/openapi\/v3\/api\/v1\?hash=[0-9A-F]{128}$/);
    assert.ok(index['paths']['apis/apps/v1']);
    const core = JSON.parse((await kubectl('get', '--raw', url)).stdout) as Json;
    const schemas = core['components']['schemas'];
    const pod = schemas['io.k8s.api.core.v1.Pod'];
    assert.deepEqual(pod['x-kubernetes-group-version-kind'], [
      { group: '', version: 'v1', kind: 'Pod' },
    ]);
    const containers = schemas['io.k8s.api.core.v1.PodSpec']['properties']['containers'];
    assert.equal(containers['x-kubernetes-patch-merge-key'], 'name');
    assert.equal(containers['x-kubernetes-patch-strategy'], 'merge');
    assert.equal(containers['x-kubernetes-list-type'], 'map');
    assert.deepEqual(containers['x-kubernetes-list-map-keys'], ['name']);
    const ports = schemas['io.k8s.api.core.v1.Container']['properties']['ports'];
    assert.deepEqual(ports['x-kubernetes-list-map-keys'], ['containerPort', 'protocol']);
    const patch = core['paths']['/api/v1/namespaces/{namespace}/pods/{name}']['patch'];
    assert.ok(patch['parameters'].some((p: Json) => p['name'] === 'fieldValidation'));
  });

  void it('serves a CRD version with its openAPIV3Schema', async () => {
    const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: gadgets.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {plural: gadgets, singular: gadget, kind: Gadget}
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec: {type: object, properties: {size: {type: integer, description: How big it is.}}}
`;
    assert.equal((await kubectl.withInput(crd, 'create', '-f', '-')).code, 0);
    const explained = await kubectl('explain', 'gadgets.spec');
    assert.match(explained.stdout, /^ {2}size\t<integer>\n {4}How big it is\./m);
    const gadget =
      'apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g1, namespace: default}\nspec: {size: 2, colour: red}\n';
    const refused = await kubectl.withInput(gadget, 'create', '-f', '-');
    assert.match(refused.stderr, /strict decoding error: unknown field "spec\.colour"/);
  });

  void it('applies and creates with validation on', async () => {
    const applied = await kubectl.withInput(deployment(''), 'apply', '-f', '-');
    assert.equal(applied.code, 0, applied.stderr);
    assert.equal(applied.stdout.trim(), 'deployment.apps/web created');
    const again = await kubectl.withInput(deployment(''), 'apply', '-f', '-');
    assert.equal(again.stdout.trim(), 'deployment.apps/web unchanged');
    const cm =
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c1, namespace: default}\ndata: {a: b}\n';
    const created = await kubectl.withInput(cm, 'create', '-f', '-');
    assert.equal(created.stdout.trim(), 'configmap/c1 created');
  });

  void it('reports an unknown field on create as the server does with Strict validation', async () => {
    const manifest = deployment('        bogus: 1\n').replace('name: web,', 'name: web2,');
    const { code, stderr } = await kubectl.withInput(manifest, 'apply', '-f', '-');
    assert.equal(code, 1);
    assert.match(
      stderr,
      /Error from server \(BadRequest\): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec\.template\.spec\.containers\[0\]\.bogus"/,
    );
    const absent = await kubectl('get', 'deployment', 'web2', '-n', 'default');
    assert.match(absent.stderr, /NotFound/);
  });

  void it('reports an unknown field in a patch, and only warns with --validate=warn', async () => {
    const manifest = deployment('  bogus: true\n').replace(
      'spec:\n  replicas',
      'spec:\n  bogus: true\n  replicas',
    );
    const strict = await kubectl.withInput(manifest, 'apply', '-f', '-');
    assert.equal(strict.code, 1);
    assert.match(
      strict.stderr,
      /error when patching "STDIN": strict decoding error: unknown field "spec\.bogus"/,
    );
    const warned = await kubectl.withInput(manifest, 'apply', '--validate=warn', '-f', '-');
    assert.equal(warned.code, 0);
    assert.match(warned.stderr, /Warning: unknown field "spec\.bogus"/);
  });
});
