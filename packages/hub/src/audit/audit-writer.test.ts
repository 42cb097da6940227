// The batching audit writer on every engine: reads are stored in batches, urgent rows are stored
// before `append` resolves, `close` stores everything queued, and a failed batch is never silent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pino } from 'pino';
import { forEachEngine } from '../store/test-engines.ts';
import type { Db } from '../store/store.ts';
import { createAuditWriter } from './audit-writer.ts';

const silent = pino({ level: 'silent' });
const at = new Date('2026-11-21T10:00:00Z');
const entry = (target: string) => ({ actor: 'alice', action: 'get', kind: 'kubernetes', target });

async function targets(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('audit_events').select('target').orderBy('id').execute();
  return rows.map((row) => row.target);
}

forEachEngine(({ open }) => {
  void test('an urgent row is stored when append resolves, with the reads queued before it', async () => {
    const db = await open();
    const writer = createAuditWriter(db, silent);
    const read = writer.append(entry('pods'), at);
    await writer.append(entry('pods/web'), at, { isUrgent: true });
    await read;
    assert.deepEqual(await targets(db), ['pods', 'pods/web']);
    await writer.close();
  });

  void test('close stores every queued row, in order, however many', async () => {
    const db = await open();
    const writer = createAuditWriter(db, silent);
    const names = Array.from({ length: 1200 }, (_, i) => `configmaps/cm-${String(i)}`);
    const appended = names.map((name) => writer.append(entry(name), at));
    await writer.close();
    await Promise.all(appended);
    assert.deepEqual(await targets(db), names);
  });

  void test('a read row is stored without close, within its batch delay', async () => {
    const db = await open();
    const writer = createAuditWriter(db, silent);
    await writer.append(entry('namespaces'), at);
    assert.deepEqual(await targets(db), ['namespaces']);
  });
});

void test('a batch that cannot be stored rejects its appends and logs every row', async () => {
  const lines: string[] = [];
  const logger = pino({ level: 'error' }, { write: (line: string) => lines.push(line) });
  const failing = {
    transaction: () => ({ execute: () => Promise.reject(new Error('disk full')) }),
  } as unknown as Db;
  const writer = createAuditWriter(failing, logger);
  await assert.rejects(writer.append(entry('secrets/db'), at, { isUrgent: true }), /disk full/);
  assert.equal(lines.length, 1);
  assert.match(lines[0] ?? '', /secrets\/db/);
});
