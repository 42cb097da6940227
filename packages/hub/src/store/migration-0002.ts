// Migration 0002: users, role bindings, join tokens, cluster versions and audit indexes.
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

async function alterExisting(db: Kysely<unknown>): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE adds only one at a time.
  await db.schema.alterTable('clusters').addColumn('dns_name', 'text').execute();
  await db.schema
    .alterTable('clusters')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('credentials').addColumn('description', 'text').execute();
}

async function createTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .execute();
  await db.schema
    .createTable('role_bindings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_name', 'text', (c) => c.notNull())
    .addColumn('scope_kind', 'text', (c) => c.notNull())
    .addColumn('scope_values', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('join_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text')
    .addColumn('environment', 'text', (c) => c.notNull())
    .addColumn('labels', 'text', (c) => c.notNull())
    .addColumn('max_uses', 'integer')
    .addColumn('uses', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
}

async function createIndexes(db: Kysely<unknown>): Promise<void> {
  const indexes: [string, string, string[]][] = [
    ['credentials_subject', 'credentials', ['kind', 'subject']],
    ['role_bindings_subject', 'role_bindings', ['subject_kind', 'subject_name']],
    ['audit_events_actor', 'audit_events', ['actor', 'id']],
    ['audit_events_cluster', 'audit_events', ['cluster', 'id']],
    ['audit_events_kind', 'audit_events', ['kind', 'id']],
    ['audit_events_at', 'audit_events', ['at']],
  ];
  for (const [name, table, columns] of indexes)
    await db.schema.createIndex(name).on(table).columns(columns).execute();
}

/** Creates the identity, access and join tables. */
export async function identityAccessTables(db: Kysely<unknown>): Promise<void> {
  await alterExisting(db);
  await createTables(db);
  await createIndexes(db);
}

/**
 * Before roles existed every user token acted as an administrator; keep that true for the users
 * an older hub created (the bootstrap admin) by giving each a user row and a fleet admin binding.
 */
export async function identityAccessBackfill(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped as Kysely<Database>;
  const subjects = await db
    .selectFrom('credentials')
    .select(['subject', 'created_at'])
    .where('kind', '=', 'user')
    .execute();
  const seen = new Set<string>();
  for (const { subject, created_at } of subjects) {
    if (seen.has(subject)) continue;
    seen.add(subject);
    await db
      .insertInto('users')
      .values({ name: subject, kind: 'user', created_at, disabled_at: null })
      .execute();
    await db
      .insertInto('role_bindings')
      .values({
        id: `migrated-${subject}`,
        role: 'admin',
        subject_kind: 'user',
        subject_name: subject,
        scope_kind: 'fleet',
        scope_values: '[]',
        created_at,
      })
      .execute();
  }
}
