// The store suite, run against SQLite and a real PostgreSQL: migrations, the registry, changes
// with their audit rows in one transaction, and the audit query.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { pino } from 'pino';
import { forEachEngine } from './test-engines.ts';
import { migrate, type Db } from './store.ts';
import { findCluster, listClusters, registerCluster } from '../clusters/registry.ts';
import {
  decommissionCluster,
  relabelCluster,
  revokeAgentCredentials,
  rotateAgentCredential,
} from '../clusters/cluster-changes.ts';
import { verifyCredential } from '../access/credentials.ts';
import { queryAudit } from '../audit/audit-query.ts';

const now = new Date('2026-11-21T10:00:00.000Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const actor = { name: 'alice', requestId: 'req-1', source: '10.0.0.1' };
const auditCount = async (db: Db) =>
  Number(
    (
      await db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function withCluster(db: Db, name = 'prod-eu-1'): Promise<string> {
  return registerCluster(db, { name, environment: 'prod', labels: { region: 'eu' } }, actor, now);
}

forEachEngine(({ engine, open }) => {
  void test(`${engine}: migrating twice is a no-op`, async () => {
    const db = await open();
    await migrate(db, pino({ level: 'silent' }));
    const { rows } = await sql<{
      name: string;
    }>`select name from kysely_migration order by name`.execute(db);
    assert.deepEqual(
      rows.map((r) => r.name),
      [
        '0001-initial',
        '0002-identity-access-join',
        '0003-audit-append-only',
        '0004-cluster-capacity',
      ],
    );
  });

  void test(`${engine}: a schema newer than this hub is refused`, async () => {
    const db = await open();
    await sql`insert into kysely_migration (name, timestamp) values ('9999-future', '2030-01-01')`.execute(
      db,
    );
    await assert.rejects(
      migrate(db, pino({ level: 'silent' })),
      /newer than this hub.*9999-future/,
    );
  });

  void test(`${engine}: the database refuses to change or delete audit rows`, async () => {
    const db = await open();
    await withCluster(db);
    await assert.rejects(
      db.updateTable('audit_events').set({ actor: 'mallory' }).execute(),
      /append-only/,
    );
    await assert.rejects(db.deleteFrom('audit_events').execute(), /append-only/);
    assert.equal(await auditCount(db), 1);
  });

  void test(`${engine}: a registered cluster, its credential and its audit row`, async () => {
    const db = await open();
    const secret = await withCluster(db);
    assert.deepEqual(await verifyCredential(db, secret, now).then((s) => s?.kind), 'agent');
    const row = await findCluster(db, 'prod-eu-1');
    assert.equal(row?.environment, 'prod');
    assert.equal(row?.version, 0);
    const page = await queryAudit(db, { limit: 10 });
    assert.equal(page.items.length, 1);
    assert.deepEqual(page.items[0]?.after, {
      name: 'prod-eu-1',
      environment: 'prod',
      labels: { region: 'eu' },
      dnsName: null,
    });
    assert.equal(page.items[0]?.requestId, 'req-1');
    assert.equal(page.items[0]?.source, '10.0.0.1');
  });

  void test(`${engine}: a failed change writes neither the change nor its audit row`, async () => {
    const db = await open();
    await withCluster(db);
    const before = await auditCount(db);
    await assert.rejects(withCluster(db), /already exists/);
    await assert.rejects(
      relabelCluster(db, 'nope', { labels: { a: 'b' } }, actor, now),
      /does not exist/,
    );
    assert.equal(await auditCount(db), before);
    assert.equal((await db.selectFrom('credentials').selectAll().execute()).length, 1);
  });

  void test(`${engine}: relabel merges, removes with null, bumps the version and audits before/after`, async () => {
    const db = await open();
    await withCluster(db);
    const row = await relabelCluster(
      db,
      'prod-eu-1',
      { labels: { tier: 'gold', region: null }, dnsName: 'eu.example.com' },
      actor,
      now,
    );
    assert.deepEqual(JSON.parse(row.labels), { tier: 'gold' });
    assert.equal((await findCluster(db, 'prod-eu-1'))?.version, 1);
    const [event] = (await queryAudit(db, { kind: 'cluster', limit: 1 })).items;
    assert.equal(event?.action, 'update');
    assert.deepEqual(event?.before, { labels: { region: 'eu' }, dnsName: null });
    assert.deepEqual(event?.after, { labels: { tier: 'gold' }, dnsName: 'eu.example.com' });
  });

  void test(`${engine}: rotation and revocation refuse the old credential`, async () => {
    const db = await open();
    const first = await withCluster(db);
    const second = await rotateAgentCredential(db, 'prod-eu-1', actor, now);
    assert.equal(await verifyCredential(db, first, now), undefined);
    assert.equal((await verifyCredential(db, second, now))?.kind, 'agent');
    assert.equal(await revokeAgentCredentials(db, 'prod-eu-1', actor, now), 1);
    assert.equal(await verifyCredential(db, second, now), undefined);
  });

  void test(`${engine}: decommission leaves a tombstone and revokes the agent`, async () => {
    const db = await open();
    const secret = await withCluster(db);
    await withCluster(db, 'dev-1');
    await decommissionCluster(db, 'prod-eu-1', actor, later(1));
    assert.deepEqual(
      (await listClusters(db)).map((r) => r.name),
      ['dev-1'],
    );
    const all = await listClusters(db, { includeDecommissioned: true });
    assert.deepEqual(
      all.map((r) => [r.name, r.decommissioned_at]),
      [
        ['dev-1', null],
        ['prod-eu-1', later(1).toISOString()],
      ],
    );
    assert.equal(await verifyCredential(db, secret, later(2)), undefined);
    await assert.rejects(withCluster(db), /already exists/);
    await assert.rejects(decommissionCluster(db, 'prod-eu-1', actor, later(3)), /does not exist/);
  });

  void test(`${engine}: audit query filters by actor, cluster, kind and time, page by page`, async () => {
    const db = await open();
    for (let i = 0; i < 5; i++)
      await registerCluster(
        db,
        { name: `c-${i}`, environment: 'dev', labels: {} },
        { name: i % 2 ? 'bob' : 'alice' },
        later(i),
      );
    const bob = await queryAudit(db, { actor: 'bob', limit: 10 });
    assert.deepEqual(
      bob.items.map((e) => e.target),
      ['c-3', 'c-1'],
    );
    assert.deepEqual(
      (await queryAudit(db, { cluster: 'c-2', limit: 10 })).items.map((e) => e.target),
      ['c-2'],
    );
    const window = await queryAudit(db, {
      since: later(1).toISOString(),
      until: later(3).toISOString(),
      limit: 10,
    });
    assert.deepEqual(
      window.items.map((e) => e.target),
      ['c-2', 'c-1'],
    );
    assert.equal((await queryAudit(db, { kind: 'user', limit: 10 })).items.length, 0);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await queryAudit(db, { limit: 2, cursor });
      seen.push(...page.items.map((e) => e.target));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    assert.deepEqual(seen, ['c-4', 'c-3', 'c-2', 'c-1', 'c-0']);
  });
});
