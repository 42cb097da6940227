// Concurrent writers on both engines: no update is lost and every mutation has exactly one audit row.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { forEachEngine } from './test-engines.ts';
import type { Db } from './store.ts';
import { findCluster, registerCluster } from '../clusters/registry.ts';
import { relabelCluster } from '../clusters/cluster-changes.ts';
import { createJoinToken, redeemJoinToken } from '../clusters/join-tokens.ts';

const now = new Date('2026-11-21T10:00:00.000Z');
const writers = 50;
const count = async (db: Db, kind: string, action: string) =>
  (
    await db
      .selectFrom('audit_events')
      .select('id')
      .where('kind', '=', kind)
      .where('action', '=', action)
      .execute()
  ).length;

forEachEngine(({ engine, open }) => {
  void test(`${engine}: ${writers} concurrent relabels of one cluster lose nothing`, async () => {
    const db = await open();
    await registerCluster(
      db,
      { name: 'busy', environment: 'dev', labels: {} },
      { name: 'setup' },
      now,
    );
    await Promise.all(
      Array.from({ length: writers }, (_, i) =>
        relabelCluster(
          db,
          'busy',
          { labels: { [`writer-${i}`]: 'yes' } },
          { name: `writer-${i}` },
          now,
        ),
      ),
    );
    const row = await findCluster(db, 'busy');
    assert.equal(Object.keys(JSON.parse(row?.labels ?? '{}') as object).length, writers);
    assert.equal(row?.version, writers);
    assert.equal(await count(db, 'cluster', 'update'), writers);
  });

  void test(`${engine}: ${writers} agents racing for a 10-use join token enrol exactly 10 clusters`, async () => {
    const db = await open();
    const { token, info } = await createJoinToken(
      db,
      {
        environment: 'qa',
        labels: { team: 'a' },
        maxUses: 10,
        expiresAt: '2026-11-22T00:00:00.000Z',
      },
      { name: 'setup' },
      now,
    );
    const results = await Promise.allSettled(
      Array.from({ length: writers }, (_, i) => redeemJoinToken(db, token, `agent-${i}`, {}, now)),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 10);
    const clusters = await db.selectFrom('clusters').select('name').execute();
    assert.equal(clusters.length, 10);
    const used = await db
      .selectFrom('join_tokens')
      .select('uses')
      .where('id', '=', info.id)
      .executeTakeFirstOrThrow();
    assert.equal(used.uses, 10);
    assert.equal(await count(db, 'cluster', 'join'), 10);
  });

  void test(`${engine}: ${writers} concurrent registrations each land with one audit row`, async () => {
    const db = await open();
    await Promise.all(
      Array.from({ length: writers }, (_, i) =>
        registerCluster(
          db,
          { name: `c-${i}`, environment: 'prod', labels: {} },
          { name: 'w' },
          now,
        ),
      ),
    );
    assert.equal((await db.selectFrom('clusters').select('name').execute()).length, writers);
    assert.equal((await db.selectFrom('credentials').select('id').execute()).length, writers);
    assert.equal(await count(db, 'cluster', 'create'), writers);
  });
});
