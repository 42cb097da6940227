// Versioned schema migrations, run at start; the same code builds SQLite and PostgreSQL schemas.
// Never edit a migration that has shipped: add the next one.
import { PostgresAdapter, type Kysely } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely/migration';
import { identityAccessTables, identityAccessBackfill } from './migration-0002.ts';
import { auditAppendOnly } from './migration-0003.ts';

/** PostgreSQL spells an auto-numbered key as an identity column, SQLite as AUTOINCREMENT. */
export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('clusters')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('environment', 'text', (c) => c.notNull())
      .addColumn('labels', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('decommissioned_at', 'text')
      .addColumn('kubernetes_version', 'text')
      .addColumn('node_count', 'integer')
      .addColumn('agent_version', 'text')
      .addColumn('first_seen_at', 'text')
      .addColumn('last_seen_at', 'text')
      .execute();
    await db.schema
      .createTable('credentials')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text')
      .addColumn('revoked_at', 'text')
      .addColumn('last_used_at', 'text')
      .execute();
    const isPg = isPostgres(db);
    await db.schema
      .createTable('audit_events')
      .addColumn('id', 'integer', (c) =>
        isPg ? c.generatedByDefaultAsIdentity().primaryKey() : c.primaryKey().autoIncrement(),
      )
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('cluster', 'text')
      .addColumn('before', 'text')
      .addColumn('after', 'text')
      .addColumn('request_id', 'text')
      .addColumn('source', 'text')
      .execute();
  },
};

const identityAccess: Migration = {
  async up(db: Kysely<unknown>) {
    await identityAccessTables(db);
    await identityAccessBackfill(db);
  },
};

const appendOnlyAudit: Migration = {
  up: (db: Kysely<unknown>) => auditAppendOnly(db, isPostgres(db)),
};

// Capacity in integers that fit every engine's plain integer (MiB, not bytes: pg's bigint reads
// back as a string).
const clusterCapacity: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('clusters')
      .addColumn('capacity_cpu_millicores', 'integer')
      .execute();
    await db.schema.alterTable('clusters').addColumn('capacity_memory_mib', 'integer').execute();
  },
};

/** Migrations by name; names sort in the order they must run. */
export const migrations: Readonly<Record<string, Migration>> = Object.freeze({
  '0001-initial': initial,
  '0002-identity-access-join': identityAccess,
  '0003-audit-append-only': appendOnlyAudit,
  '0004-cluster-capacity': clusterCapacity,
});

/** Hands Kysely's Migrator the in-code migrations. */
export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve({ ...migrations }),
};
