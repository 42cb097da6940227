// Big lists cross the tunnel as the API server compressed them: kubectl asks for gzip, the
// simulated API server (like kube-apiserver) gzips answers over 128 KiB, and the hub and the
// agent carry those bytes untouched, so the tunnel moves a fraction of the JSON's size.
import assert from 'node:assert/strict';
import type { IncomingHttpHeaders } from 'node:http';
import { request } from 'node:https';
import { after, before, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { startFleet, type TestFleet } from './support/fleet.ts';
import { kubectl } from './support/kubectl.ts';

let fleet: TestFleet;
const cluster = 'zip-1';
const podsPath = '/api/v1/namespaces/bench/pods';
const podCount = 120;

before(async () => {
  const workload = {
    name: 'many',
    namespace: 'bench',
    tier: 'worker' as const,
    replicas: podCount,
    requests: { cpu: '10m', memory: '16Mi' },
  };
  const nodeCapacity = { cpu: '64', memory: '256Gi', pods: 110 };
  fleet = await startFleet([
    { name: cluster, environment: 'dev', nodes: 2, nodeCapacity, workloads: [workload] },
  ]);
});
after(() => fleet.close());

/** A GET through the hub as the admin, its body kept exactly as it arrived. */
function viaHub(
  path: string,
  acceptEncoding: string,
): Promise<{ headers: IncomingHttpHeaders; wire: Buffer }> {
  const headers = {
    authorization: `Bearer ${fleet.adminToken}`,
    'accept-encoding': acceptEncoding,
  };
  const url = `${fleet.hub.secureUrl ?? ''}/k8s/clusters/${cluster}${path}`;
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, ca: fleet.hubCa }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ headers: res.headers, wire: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * The `bytes` of the `nth` audited pod list (1-based, in order of arrival), once the batched
 * read rows are stored: counting rows, not taking the newest, so a row still in its batch is
 * never mistaken for the one before it.
 */
async function auditedListBytes(nth: number): Promise<number> {
  for (let tries = 0; tries < 100; tries++) {
    const rows = await fleet.hub.hub.db
      .selectFrom('audit_events')
      .select(['id', 'after'])
      .where('cluster', '=', cluster)
      .where('action', '=', 'list')
      .where('target', '=', 'pods')
      .orderBy('id', 'asc')
      .execute();
    const row = rows[nth - 1];
    if (row !== undefined) return (JSON.parse(row.after ?? '{}') as { bytes?: number }).bytes ?? -1;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no audit row for pod list ${String(nth)}`);
}

const itemsOf = (json: Buffer) => (JSON.parse(json.toString('utf8')) as { items: unknown[] }).items;

void test('a gzipped list reaches the client through the hub still gzipped, and decodes whole', async () => {
  const plain = await viaHub(podsPath, 'identity');
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(itemsOf(plain.wire).length, podCount);
  const zipped = await viaHub(podsPath, 'gzip');
  assert.equal(zipped.headers['content-encoding'], 'gzip');
  assert.ok(zipped.wire.length * 4 < plain.wire.length, 'the tunnel carried the compressed bytes');
  assert.deepEqual(itemsOf(gunzipSync(zipped.wire)), itemsOf(plain.wire));
});

void test('kubectl gets a compressed list through the hub; --disable-compression gets it whole', async () => {
  // The first test listed the pods twice through the hub; this is the third list.
  const plainSize = (await viaHub(podsPath, 'identity')).wire.length;
  assert.equal(await auditedListBytes(3), plainSize);
  const get = (...extra: string[]) =>
    kubectl(fleet.kubeconfig, cluster, ['get', 'pods', '-n', 'bench', '-o', 'name', ...extra]);
  const compressed = await get();
  assert.equal(compressed.code, 0, compressed.stderr);
  assert.equal(compressed.stdout.trim().split('\n').length, podCount);
  const compressedBytes = await auditedListBytes(4);
  assert.ok(
    compressedBytes > 0 && compressedBytes * 4 < plainSize,
    `${String(compressedBytes)} B audited`,
  );
  const whole = await get('--disable-compression');
  assert.equal(whole.code, 0, whole.stderr);
  assert.equal(whole.stdout.trim().split('\n').length, podCount);
  const wholeBytes = await auditedListBytes(5);
  assert.ok(
    wholeBytes >= plainSize * 0.9,
    `${String(wholeBytes)} B audited of ${String(plainSize)}`,
  );
});
