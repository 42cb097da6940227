// Opens the hub's store (SQLite file by default) and brings its schema up to date.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import type { Logger } from 'pino';
import { FlotillaError } from '@flotilla/protocol';
import type { Database } from './schema.ts';
import { migrationProvider } from './migrations.ts';
import { nodeSqliteDialect } from './sqlite-dialect.ts';

export type Db = Kysely<Database>;

/** Where the store lives: `sqlite:<file>` or `sqlite::memory:`. */
export function openDatabase(location: string): Db {
  const path = sqlitePath(location);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return new Kysely<Database>({ dialect: nodeSqliteDialect(path) });
}

function sqlitePath(location: string): string {
  if (location.startsWith('sqlite:')) return location.slice('sqlite:'.length);
  throw new FlotillaError('invalid_request', `unsupported store location ${location}`);
}

/** Runs pending migrations; refuses a schema newer than this build knows. */
export async function migrate(db: Db, logger: Logger): Promise<void> {
  const { error, results } = await new Migrator({
    db,
    provider: migrationProvider,
  }).migrateToLatest();
  for (const result of results ?? []) {
    logger.info({ migration: result.migrationName, status: result.status }, 'migration');
  }
  if (error !== undefined) {
    throw new Error('store migration failed; the schema may be newer than this hub', {
      cause: error,
    });
  }
}
