// The audit trail of proxied requests survives a stop right after the answers: reads are batched
// but stored on shutdown, and a change is answered only once its row is stored.
import assert from 'node:assert/strict';
import { request } from 'node:https';
import { after, before, test } from 'node:test';
import { startFleet, type TestFleet } from './support/fleet.ts';

let fleet: TestFleet;

before(async () => {
  fleet = await startFleet([{ name: 'audit-1', environment: 'dev', nodes: 1 }]);
});
after(() => fleet.close());

/**
 * One request through the hub as the admin; resolves with the status once the body is read (or,
 * with `isHeadersEnough`, as soon as the headers arrive, leaving the body flowing).
 */
function viaHub(
  method: string,
  path: string,
  body?: string,
  isHeadersEnough = false,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${fleet.hub.secureUrl ?? ''}/k8s/clusters/audit-1${path}`,
      {
        method,
        ca: fleet.hubCa,
        headers: {
          authorization: `Bearer ${fleet.adminToken}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
      },
      (response) => {
        response.resume();
        response.on('error', () => undefined);
        if (isHeadersEnough) resolve(response.statusCode ?? 0);
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    req.on('error', isHeadersEnough ? () => undefined : reject);
    req.end(body);
  });
}

interface ProxiedRow {
  action: string;
  target: string;
  after: { status?: number; bytes?: number; durationMs?: number; path?: string };
}

async function proxiedRows(): Promise<ProxiedRow[]> {
  const rows = await fleet.hub.hub.db
    .selectFrom('audit_events')
    .select(['action', 'target', 'after'])
    .where('kind', '=', 'kubernetes')
    .where('cluster', '=', 'audit-1')
    .execute();
  return rows.map((row) => ({
    ...row,
    after: JSON.parse(row.after ?? '{}') as ProxiedRow['after'],
  }));
}

void test('a change is answered only once its audit row is stored, with status and bytes', async () => {
  const body = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'noted' } });
  assert.equal(await viaHub('POST', '/api/v1/namespaces/default/configmaps', body), 201);
  const created = (await proxiedRows()).find((row) => row.action === 'create');
  assert.equal(created?.target, 'configmaps');
  assert.equal(created.after.status, 201);
  assert.ok((created.after.bytes ?? 0) > 0, 'the answer size is recorded');
  assert.equal(typeof created.after.durationMs, 'number');
});

void test('every read answered before the hub stops is in the audit trail after it', async () => {
  const names = Array.from({ length: 40 }, (_, i) => `probe-${String(i)}`);
  const statuses = await Promise.all(
    names.map((name) => viaHub('GET', `/api/v1/namespaces/default/configmaps/${name}`)),
  );
  assert.ok(statuses.every((status) => status === 404));
  await fleet.restartHub();
  const reads = (await proxiedRows()).filter((row) => row.action === 'get');
  for (const name of names) {
    const row = reads.find((r) => r.target === `configmaps/${name}`);
    assert.equal(row?.after.status, 404, `the read of ${name} is audited`);
    assert.ok((row.after.bytes ?? 0) > 0);
  }
});

void test('watches cut by the hub stopping are in the audit trail after it', async () => {
  await fleet.waitConnected(1, 30_000);
  const names = Array.from({ length: 20 }, (_, i) => `watched-${String(i)}`);
  const path = (name: string) =>
    `/api/v1/namespaces/default/configmaps?watch=true&fieldSelector=metadata.name%3D${name}`;
  const statuses = await Promise.all(
    names.map((name) => viaHub('GET', path(name), undefined, true)),
  );
  assert.ok(statuses.every((status) => status === 200));
  // The watches end while the hub stops: their rows are queued then, and must still be stored.
  await fleet.restartHub();
  const watches = (await proxiedRows()).filter((row) => row.action === 'watch');
  for (const name of names)
    assert.ok(
      watches.some((row) => row.after.path?.includes(`%3D${name}`) === true),
      `the watch of ${name} is audited`,
    );
});
