// Aggregated discovery as kubectl 1.32 asks for it: one APIGroupDiscoveryList for /api and one for /apis.
import assert from 'node:assert/strict';
import { request } from 'node:https';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startSimulator } from '../index.ts';
import type { SimulatedCluster, Simulator } from '../index.ts';
import { kubectlFor } from '../testing/kubectl.ts';
import type { Kubectl } from '../testing/kubectl.ts';

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return --
   These tests read raw discovery documents; typing them would hide the JSON under test. */
type Json = Record<string, any>;

const kubectlAccept =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

function get(cluster: SimulatedCluster, path: string, accept: string) {
  return new Promise<{ type: string; body: Json }>((resolve, reject) => {
    const headers = { authorization: `Bearer ${cluster.token}`, accept };
    const req = request(
      new URL(path, cluster.url),
      { headers, ca: cluster.caCertificate },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            type: res.headers['content-type'] ?? '',
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

void describe('aggregated discovery', () => {
  let simulator: Simulator;
  let cluster: SimulatedCluster;
  let kubectl: Kubectl;

  void before(async () => {
    simulator = await startSimulator({
      clusters: [{ name: 'disco-dev-1', environment: 'dev', nodes: 1 }],
    });
    cluster = simulator.cluster('disco-dev-1');
    kubectl = await kubectlFor(cluster);
  });

  void after(async () => {
    await kubectl.dispose();
    await simulator.close();
  });

  void it('answers /apis with an APIGroupDiscoveryList in the media type asked for', async () => {
    const { type, body } = await get(cluster, '/apis', kubectlAccept);
    assert.equal(type, 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    assert.equal(body['kind'], 'APIGroupDiscoveryList');
    assert.equal(body['apiVersion'], 'apidiscovery.k8s.io/v2');
    const apps = body['items'].find((item: Json) => item['metadata']['name'] === 'apps');
    const deployments = apps['versions'][0]['resources'].find(
      (r: Json) => r['resource'] === 'deployments',
    );
    assert.deepEqual(deployments['responseKind'], {
      group: 'apps',
      version: 'v1',
      kind: 'Deployment',
    });
    assert.equal(deployments['scope'], 'Namespaced');
    assert.equal(deployments['singularResource'], 'deployment');
    assert.deepEqual(deployments['shortNames'], ['deploy']);
    assert.deepEqual(deployments['categories'], ['all']);
    assert.ok(deployments['verbs'].includes('patch'));
    assert.deepEqual(
      deployments['subresources'].map((s: Json) => [s['subresource'], s['responseKind']['kind']]),
      [
        ['scale', 'Scale'],
        ['status', 'Deployment'],
      ],
    );
    assert.equal(apps['versions'][0]['freshness'], 'Current');
  });

  void it('answers /api with the core group, v2beta1 on request, and legacy JSON otherwise', async () => {
    const beta = 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList';
    const core = await get(cluster, '/api', beta);
    assert.equal(core.type, beta);
    assert.equal(core.body['items'].length, 1);
    const pods = core.body['items'][0]['versions'][0]['resources'].find(
      (r: Json) => r['resource'] === 'pods',
    );
    assert.ok(
      pods['subresources'].some(
        (s: Json) => s['subresource'] === 'eviction' && s['responseKind']['group'] === 'policy',
      ),
    );
    const legacy = await get(cluster, '/api', 'application/json');
    assert.equal(legacy.type, 'application/json');
    assert.equal(legacy.body['kind'], 'APIVersions');
  });

  void it('lets kubectl discover everything with two requests', async () => {
    // A fresh cache directory, so kubectl cannot answer from an earlier run's discovery.
    const cacheDir = join(dirname(await kubectl.file('marker', '')), 'discovery-cache');
    const { stdout, stderr } = await kubectl(
      'api-resources',
      '-v=6',
      '--cache-dir',
      cacheDir,
      '--output=wide',
    );
    const requests = stderr.split('\n').filter((line) => / GET https:\/\/\S+ 200/.test(line));
    assert.deepEqual(
      requests.map((line) => /GET https:\/\/[^/]+(\/\S*?)\?/.exec(line)?.[1]),
      ['/api', '/apis'],
    );
    assert.match(
      stdout,
      /^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment\s+create,delete,deletecollection,get,list,patch,update,watch\s+all$/m,
    );
    assert.match(stdout, /^pods\s+po\s+v1\s+true\s+Pod\s+/m);
    assert.match(
      stdout,
      /^customresourcedefinitions\s+crd,crds\s+apiextensions\.k8s\.io\/v1\s+false\s+CustomResourceDefinition/m,
    );
  });
});
