// Exercises the API machinery over HTTP: auth, Status errors, concurrency, patches, selectors, watch and tables.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSimulator } from './index.ts';
import type { SimulatedCluster, Simulator } from './index.ts';

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call --
   These tests read raw API responses; typing every body would hide the JSON under test. */
type Json = Record<string, any>;

void describe('Kubernetes API machinery', () => {
  let simulator: Simulator;
  let cluster: SimulatedCluster;

  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${cluster.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${cluster.token}`,
        'content-type': 'application/json',
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Json };
  };

  /** Reads newline-delimited watch events until `count` arrived. */
  const watch = async (path: string, count: number): Promise<Json[]> => {
    const controller = new AbortController();
    const response = await fetch(`${cluster.url}${path}`, {
      headers: { authorization: `Bearer ${cluster.token}` },
      signal: controller.signal,
    });
    const events: Json[] = [];
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      events.push(...lines.filter(Boolean).map((line) => JSON.parse(line) as Json));
      if (events.length >= count) break;
    }
    controller.abort();
    return events;
  };

  void before(async () => {
    simulator = await startSimulator({
      clusters: [
        {
          name: 'api-dev-1',
          environment: 'dev',
          nodes: 1,
          workloads: [{ name: 'web', namespace: 'apps', replicas: 2 }],
        },
      ],
      tls: false,
      watchHistory: 50,
      bookmarkIntervalMs: 50,
    });
    cluster = simulator.cluster('api-dev-1');
  });

  void after(() => simulator.close());

  void it('answers 401 with a Status without the token, but serves health anonymously', async () => {
    const response = await fetch(`${cluster.url}/api/v1/namespaces`);
    assert.equal(response.status, 401);
    assert.deepEqual(await response.json(), {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Unauthorized',
      reason: 'Unauthorized',
      code: 401,
    });
    const wrong = await fetch(`${cluster.url}/api/v1/namespaces`, {
      headers: { authorization: 'Bearer nope' },
    });
    assert.equal(wrong.status, 401);
    assert.equal((await fetch(`${cluster.url}/healthz`)).status, 200);
    assert.equal(
      ((await (await fetch(`${cluster.url}/version`)).json()) as Json)['gitVersion'],
      'v1.32.0',
    );
  });

  void it('serves discovery documents', async () => {
    const groups = await call('GET', '/apis');
    assert.equal(groups.body['kind'], 'APIGroupList');
    assert.deepEqual(groups.body['groups'][0]['preferredVersion'], {
      groupVersion: 'apps/v1',
      version: 'v1',
    });
    const core = await call('GET', '/api/v1');
    const pods = (core.body['resources'] as Json[]).find((r) => r['name'] === 'pods');
    assert.deepEqual(pods, {
      name: 'pods',
      singularName: 'pod',
      namespaced: true,
      kind: 'Pod',
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      shortNames: ['po'],
      categories: ['all'],
    });
  });

  void it('creates with server-set metadata and refuses a duplicate with AlreadyExists', async () => {
    const created = await call('POST', '/api/v1/namespaces/apps/configmaps', {
      metadata: { name: 'one' },
      data: { a: '1' },
    });
    assert.equal(created.status, 201);
    assert.match(created.body['metadata']['uid'], /^[0-9a-f]{8}-/);
    assert.match(
      created.body['metadata']['creationTimestamp'],
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
    );
    const again = await call('POST', '/api/v1/namespaces/apps/configmaps', {
      metadata: { name: 'one' },
    });
    assert.equal(again.status, 409);
    assert.deepEqual(again.body, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'configmaps "one" already exists',
      reason: 'AlreadyExists',
      details: { name: 'one', kind: 'configmaps' },
      code: 409,
    });
  });

  void it('generates names from generateName', async () => {
    const created = await call('POST', '/api/v1/namespaces/apps/configmaps', {
      metadata: { generateName: 'gen-' },
    });
    assert.match(created.body['metadata']['name'], /^gen-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  void it('refuses a stale resourceVersion with 409 Conflict', async () => {
    const created = await call('POST', '/api/v1/namespaces/apps/configmaps', {
      metadata: { name: 'cas' },
      data: { v: '1' },
    });
    const stale = created.body['metadata']['resourceVersion'] as string;
    const first = await call('PUT', '/api/v1/namespaces/apps/configmaps/cas', {
      ...created.body,
      data: { v: '2' },
    });
    assert.equal(first.status, 200);
    assert.ok(Number(first.body['metadata']['resourceVersion']) > Number(stale));
    const second = await call('PUT', '/api/v1/namespaces/apps/configmaps/cas', {
      ...created.body,
      data: { v: '3' },
    });
    assert.equal(second.status, 409);
    assert.equal(second.body['reason'], 'Conflict');
    assert.equal(
      second.body['message'],
      'Operation cannot be fulfilled on configmaps "cas": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  void it('keeps the resourceVersion when a PUT changes nothing, managedFields left out', async () => {
    const created = await call('POST', '/api/v1/namespaces/apps/configmaps', {
      metadata: { name: 'same' },
      data: { v: '1' },
    });
    assert.ok(Array.isArray(created.body['metadata']['managedFields']));
    const metadata = { ...(created.body['metadata'] as Json) };
    delete metadata['managedFields'];
    const again = await call('PUT', '/api/v1/namespaces/apps/configmaps/same', {
      ...created.body,
      metadata,
    });
    assert.equal(again.status, 200);
    assert.equal(
      again.body['metadata']['resourceVersion'],
      created.body['metadata']['resourceVersion'],
    );
    assert.deepEqual(
      again.body['metadata']['managedFields'],
      created.body['metadata']['managedFields'],
    );
  });

  void it('rejects invalid names with 422 Invalid and the field cause', async () => {
    const bad = await call('POST', '/api/v1/namespaces/apps/configmaps', {
      metadata: { name: 'Not_Valid' },
    });
    assert.equal(bad.status, 422);
    assert.equal(bad.body['reason'], 'Invalid');
    const message = `a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`;
    assert.equal(
      bad.body['message'],
      `ConfigMap "Not_Valid" is invalid: metadata.name: Invalid value: "Not_Valid": ${message}`,
    );
    assert.deepEqual(bad.body['details']['causes'], [
      {
        reason: 'FieldValueInvalid',
        message: `Invalid value: "Not_Valid": ${message}`,
        field: 'metadata.name',
      },
    ]);
    const service = await call('POST', '/api/v1/namespaces/apps/services', {
      metadata: { name: '1abc' },
      spec: { ports: [{ port: 80 }] },
    });
    assert.match(service.body['message'], /a DNS-1035 label must consist of/);
    const nameless = await call('POST', '/api/v1/namespaces/apps/configmaps', { metadata: {} });
    assert.match(
      nameless.body['message'],
      /metadata\.name: Required value: name or generateName is required/,
    );
  });

  void it('answers malformed JSON with 400 BadRequest and no stack', async () => {
    const bad = await call('POST', '/api/v1/namespaces/apps/configmaps', '{"metadata": ');
    assert.equal(bad.status, 400);
    assert.equal(bad.body['reason'], 'BadRequest');
    assert.doesNotMatch(JSON.stringify(bad.body), /at .*\.ts:\d+/);
  });

  void it('answers 404 NotFound for missing objects, namespaces and resources', async () => {
    const missing = await call('GET', '/apis/apps/v1/namespaces/apps/deployments/nope');
    assert.deepEqual(missing.body['details'], { name: 'nope', group: 'apps', kind: 'deployments' });
    assert.equal(missing.body['message'], 'deployments.apps "nope" not found');
    const noNamespace = await call('POST', '/api/v1/namespaces/ghost/configmaps', {
      metadata: { name: 'x' },
    });
    assert.equal(noNamespace.body['message'], 'namespaces "ghost" not found');
    assert.equal((await call('GET', '/api/v1/widgets')).status, 404);
  });

  void it('applies merge patches, JSON patches and strategic merge patches', async () => {
    await call('POST', '/api/v1/namespaces/apps/configmaps', {
      metadata: { name: 'patched', labels: { a: '1' } },
      data: { x: '1' },
    });
    const merged = await call(
      'PATCH',
      '/api/v1/namespaces/apps/configmaps/patched',
      { metadata: { labels: { b: '2' } }, data: { x: null, y: '2' } },
      { 'content-type': 'application/merge-patch+json' },
    );
    assert.deepEqual(merged.body['metadata']['labels'], { a: '1', b: '2' });
    assert.deepEqual(merged.body['data'], { y: '2' });
    const json = await call(
      'PATCH',
      '/api/v1/namespaces/apps/configmaps/patched',
      [
        { op: 'add', path: '/data/z', value: '3' },
        { op: 'remove', path: '/metadata/labels/a' },
      ],
      { 'content-type': 'application/json-patch+json' },
    );
    assert.deepEqual(json.body['data'], { y: '2', z: '3' });
    assert.deepEqual(json.body['metadata']['labels'], { b: '2' });
    const deployment = await call(
      'PATCH',
      '/apis/apps/v1/namespaces/apps/deployments/web',
      { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.28' }] } } } },
      { 'content-type': 'application/strategic-merge-patch+json' },
    );
    const containers = deployment.body['spec']['template']['spec']['containers'] as Json[];
    assert.equal(containers.length, 1);
    assert.equal(containers[0]?.['image'], 'nginx:1.28');
    assert.ok(
      containers[0]?.['resources']['requests'],
      'strategic merge keeps the other container fields',
    );
    assert.equal(deployment.body['metadata']['generation'], 2);
    const unsupported = await call('PATCH', '/api/v1/namespaces/apps/configmaps/patched', '{}', {
      'content-type': 'text/plain',
    });
    assert.equal(unsupported.status, 415);
  });

  void it('filters lists by label and field selectors', async () => {
    const pods = await call('GET', '/api/v1/pods?labelSelector=app.kubernetes.io/name%3Dweb');
    assert.ok((pods.body['items'] as Json[]).length >= 2);
    const byName = await call('GET', '/api/v1/namespaces?fieldSelector=metadata.name%3Dapps');
    assert.deepEqual(
      (byName.body['items'] as Json[]).map((ns) => ns['metadata']['name']),
      ['apps'],
    );
    const notIn = await call(
      'GET',
      '/api/v1/namespaces?labelSelector=kubernetes.io/metadata.name%20notin%20(apps,default)',
    );
    assert.ok(
      !(notIn.body['items'] as Json[]).some((ns) =>
        ['apps', 'default'].includes(ns['metadata']['name']),
      ),
    );
    const badField = await call('GET', '/api/v1/pods?fieldSelector=spec.color%3Dred');
    assert.equal(badField.status, 400);
    assert.equal(badField.body['message'], 'field label not supported: spec.color');
  });

  void it('serves Table responses when asked', async () => {
    const table = await call('GET', '/apis/apps/v1/namespaces/apps/deployments', undefined, {
      accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
    });
    assert.equal(table.body['kind'], 'Table');
    assert.deepEqual(
      (table.body['columnDefinitions'] as Json[])
        .filter((c) => c['priority'] === 0)
        .map((c) => c['name']),
      ['Name', 'Ready', 'Up-to-date', 'Available', 'Age'],
    );
    const row = (table.body['rows'] as Json[])[0];
    assert.deepEqual(row?.['cells'].slice(0, 4), ['web', '2/2', 2, 2]);
    assert.equal(row?.['object']['kind'], 'PartialObjectMetadata');
  });

  void it('streams watch events, resumes from a resourceVersion and sends bookmarks', async () => {
    const list = await call('GET', '/api/v1/namespaces/apps/configmaps');
    const from = list.body['metadata']['resourceVersion'] as string;
    await call('POST', '/api/v1/namespaces/apps/configmaps', { metadata: { name: 'w1' } });
    await call(
      'PATCH',
      '/api/v1/namespaces/apps/configmaps/w1',
      { data: { a: 'b' } },
      { 'content-type': 'application/merge-patch+json' },
    );
    await call('DELETE', '/api/v1/namespaces/apps/configmaps/w1');
    const events = await watch(
      `/api/v1/namespaces/apps/configmaps?watch=true&resourceVersion=${from}&allowWatchBookmarks=true`,
      4,
    );
    assert.deepEqual(
      events.slice(0, 3).map((e) => `${e['type']}:${e['object']['metadata']['name']}`),
      ['ADDED:w1', 'MODIFIED:w1', 'DELETED:w1'],
    );
    assert.equal(events[3]?.['type'], 'BOOKMARK');
    assert.match(events[3]?.['object']['metadata']['resourceVersion'], /^\d+$/);
  });

  void it('answers a watch from a compacted resourceVersion with 410 Expired', async () => {
    for (let i = 0; i < 60; i += 1)
      await call('POST', '/api/v1/namespaces/apps/configmaps', {
        metadata: { generateName: 'churn-' },
      });
    const [event] = await watch(
      '/api/v1/namespaces/apps/configmaps?watch=true&resourceVersion=2',
      1,
    );
    assert.equal(event?.['type'], 'ERROR');
    assert.equal(event?.['object']['code'], 410);
    assert.equal(event?.['object']['reason'], 'Expired');
    assert.match(event?.['object']['message'], /^too old resource version: 2 \(\d+\)$/);
  });

  void it('deletes a namespace with everything in it', async () => {
    await call('POST', '/api/v1/namespaces', { metadata: { name: 'doomed' } });
    await call('POST', '/api/v1/namespaces/doomed/configmaps', { metadata: { name: 'c' } });
    const deleting = await call('DELETE', '/api/v1/namespaces/doomed');
    assert.equal(deleting.body['status']['phase'], 'Terminating');
    for (
      let i = 0;
      i < 50 && (await call('GET', '/api/v1/namespaces/doomed')).status !== 404;
      i += 1
    ) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.equal((await call('GET', '/api/v1/namespaces/doomed')).status, 404);
  });

  void it('orphans dependents when asked, and collects them otherwise', async () => {
    const base = '/api/v1/namespaces/default/configmaps';
    const make = async (name: string, ownerUid?: string) => {
      const ownerReferences =
        ownerUid === undefined
          ? undefined
          : [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'o', uid: ownerUid }];
      const created = await call('POST', base, { metadata: { name, ownerReferences } });
      return String((created.body['metadata'] as Json)['uid']);
    };
    await make('kept-child', await make('orphaning-owner'));
    await make('doomed-child', await make('collected-owner'));
    const orphan = { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Orphan' };
    assert.equal((await call('DELETE', `${base}/orphaning-owner`, orphan)).status, 200);
    assert.equal((await call('DELETE', `${base}/collected-owner`)).status, 200);
    for (let i = 0; i < 50 && (await call('GET', `${base}/doomed-child`)).status !== 404; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal((await call('GET', `${base}/doomed-child`)).status, 404);
    const kept = await call('GET', `${base}/kept-child`);
    assert.equal(kept.status, 200);
    assert.equal((kept.body['metadata'] as Json)['ownerReferences'], undefined);
  });

  void it('garbage-collects replicasets and pods of a deleted deployment', async () => {
    const deleted = await call('DELETE', '/apis/apps/v1/namespaces/apps/deployments/web');
    assert.equal(deleted.body['status'], 'Success');
    for (
      let i = 0;
      i < 50 &&
      ((await call('GET', '/api/v1/namespaces/apps/pods')).body['items'] as Json[]).length > 0;
      i += 1
    ) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.deepEqual(
      (await call('GET', '/apis/apps/v1/namespaces/apps/replicasets')).body['items'],
      [],
    );
    assert.deepEqual((await call('GET', '/api/v1/namespaces/apps/pods')).body['items'], []);
  });
});
