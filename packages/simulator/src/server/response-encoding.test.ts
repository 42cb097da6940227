// Large answers are gzipped for clients that ask, as kube-apiserver does; small ones never are.
import assert from 'node:assert/strict';
import type { IncomingHttpHeaders } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { after, before, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { startSimulator, type SimulatedCluster, type Simulator } from '../index.ts';
import { gzipThresholdBytes } from './response-encoding.ts';

let simulator: Simulator;
let cluster: SimulatedCluster;

before(async () => {
  const workload = {
    name: 'many',
    namespace: 'bench',
    tier: 'worker' as const,
    replicas: 120,
    requests: { cpu: '10m', memory: '16Mi' },
  };
  const nodeCapacity = { cpu: '64', memory: '256Gi', pods: 110 };
  const spec = {
    name: 'gz',
    environment: 'dev' as const,
    nodes: 2,
    nodeCapacity,
    workloads: [workload],
  };
  simulator = await startSimulator({ clusters: [spec] });
  cluster = simulator.cluster('gz');
});
after(() => simulator.close());

interface RawAnswer {
  readonly headers: IncomingHttpHeaders;
  readonly wire: Buffer;
}

/** A GET whose body is kept exactly as it came over the wire. */
function rawGet(path: string, acceptEncoding?: string): Promise<RawAnswer> {
  const request = cluster.url.startsWith('https:') ? httpsRequest : httpRequest;
  const headers = {
    authorization: `Bearer ${cluster.token}`,
    ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }),
  };
  return new Promise((resolve, reject) => {
    const req = request(`${cluster.url}${path}`, { headers, ca: cluster.caCertificate }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ headers: res.headers, wire: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const podsPath = '/api/v1/namespaces/bench/pods';

void test('a list over 128 KiB goes gzipped to a client that accepts gzip', async () => {
  const plain = await rawGet(podsPath);
  assert.ok(plain.wire.length > gzipThresholdBytes, `the list is ${String(plain.wire.length)} B`);
  const zipped = await rawGet(podsPath, 'deflate, gzip');
  assert.equal(zipped.headers['content-encoding'], 'gzip');
  assert.equal(zipped.headers.vary, 'Accept-Encoding');
  assert.equal(zipped.headers['content-length'], undefined, 'streamed, so no length up front');
  assert.ok(zipped.wire.length * 4 < plain.wire.length, 'JSON compresses well');
  const items = (body: Buffer) => (JSON.parse(body.toString('utf8')) as { items: unknown[] }).items;
  assert.equal(items(gunzipSync(zipped.wire)).length, items(plain.wire).length);
  assert.equal(items(plain.wire).length, 120);
});

void test('without gzip in Accept-Encoding the list goes as it is, with its length', async () => {
  for (const acceptEncoding of [undefined, 'identity', 'br, deflate', 'gzip;q=1.0']) {
    const answer = await rawGet(podsPath, acceptEncoding);
    assert.equal(answer.headers['content-encoding'], undefined, String(acceptEncoding));
    assert.equal(Number(answer.headers['content-length']), answer.wire.length);
    assert.equal(answer.wire[0], '{'.charCodeAt(0));
  }
});

void test('a small answer is never compressed, even when gzip is accepted', async () => {
  const answer = await rawGet('/api/v1/namespaces/bench', 'gzip');
  assert.equal(answer.headers['content-encoding'], undefined);
  assert.equal((JSON.parse(answer.wire.toString('utf8')) as { kind: string }).kind, 'Namespace');
});
