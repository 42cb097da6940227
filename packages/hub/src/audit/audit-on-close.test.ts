// A hub that stops stores the audit rows still waiting for their batch before it closes its store.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openDatabase } from '../store/store.ts';
import { startTestHub } from '../test-hub.ts';

void test('rows queued just before the hub stops are in the store after it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'flotilla-audit-'));
  try {
    const store = `sqlite:${join(dir, 'hub.db')}`;
    const hub = await startTestHub({ store });
    const entry = { actor: 'alice', action: 'list', kind: 'kubernetes', target: 'pods' };
    const appended = hub.hub.audit.append(entry, new Date());
    await hub.close();
    await appended;
    const db = openDatabase(store);
    const rows = db.selectFrom('audit_events').select('target').where('actor', '=', 'alice');
    assert.deepEqual(await rows.execute(), [{ target: 'pods' }]);
    await db.destroy();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
