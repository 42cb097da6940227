// Opens the hub's store — an SQLite file (the default) or PostgreSQL — and brings its schema up to
// date. Everything above this file speaks Kysely and never knows which engine it has.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import type { Logger } from 'pino';
import { FlotillaError } from '@flotilla/protocol';
import type { Database } from './schema.ts';
import { migrationProvider, migrations } from './migrations.ts';
import { nodeSqliteDialect } from './sqlite-dialect.ts';

export type Db = Kysely<Database>;

/** The engines the store runs on. */
export type Engine = 'sqlite' | 'postgres';

/** Which engine a store location names: `sqlite:<file>`, `sqlite::memory:` or `postgres://…`. */
export function engineOf(location: string): Engine {
  if (location.startsWith('sqlite:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(location)) return 'postgres';
  throw new FlotillaError('invalid_request', 'unsupported store location', {
    details: { expected: 'sqlite:<file>, sqlite::memory: or postgres://…' },
  });
}

/** Opens the store at `location` (see `engineOf`); the SQLite file's directory is created. */
export function openDatabase(location: string, options: { poolSize?: number } = {}): Db {
  if (engineOf(location) === 'postgres') {
    const pool = new pg.Pool({ connectionString: location, max: options.poolSize ?? 10 });
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const path = location.slice('sqlite:'.length);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return new Kysely<Database>({ dialect: nodeSqliteDialect(path) });
}

/** Names of migrations the store has run, or [] for a fresh store. */
async function executedMigrations(db: Db): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === 'kysely_migration')) return [];
  const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  return rows.map((row) => row.name);
}

/** Refuses a schema written by a newer hub: running old code against it could corrupt it. */
export async function assertSchemaNotNewer(db: Db): Promise<void> {
  const unknown = (await executedMigrations(db)).filter((name) => !Object.hasOwn(migrations, name));
  if (unknown.length > 0) {
    throw new Error(
      `the store's schema is newer than this hub (it has migration ${unknown.join(', ')}); run a newer hub`,
    );
  }
}

/** Runs pending migrations in order; refuses a schema newer than this build knows. */
export async function migrate(db: Db, logger: Logger): Promise<void> {
  await assertSchemaNotNewer(db);
  const { error, results } = await new Migrator({
    db,
    provider: migrationProvider,
  }).migrateToLatest();
  for (const result of results ?? []) {
    logger.info({ migration: result.migrationName, status: result.status }, 'migration');
  }
  if (error !== undefined) throw new Error('store migration failed', { cause: error });
}
