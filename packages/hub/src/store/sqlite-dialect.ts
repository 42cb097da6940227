// Adapts Node's built-in node:sqlite to Kysely's SQLite dialect, so no native addon is needed.
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';

type Param = null | number | bigint | string | NodeJS.ArrayBufferView;

const params = (values: ReadonlyArray<unknown>) => values as Param[];

// node:sqlite rows have a null prototype; plain objects keep equality and spreading ordinary.
const plain = (row: unknown) => ({ ...(row as object) });

function adaptStatement(statement: StatementSync): SqliteStatement {
  return {
    reader: statement.columns().length > 0,
    all: (values) => statement.all(...params(values)).map(plain),
    run: (values) => statement.run(...params(values)),
    iterate: (values) => Iterator.from(statement.iterate(...params(values))).map(plain),
  };
}

/** Opens `path` (or `:memory:`) in WAL mode with foreign keys on, wrapped for Kysely. */
export function nodeSqliteDialect(path: string): SqliteDialect {
  const database = new DatabaseSync(path);
  database.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
  const adapter: SqliteDatabase = {
    close: () => database.close(),
    prepare: (sql) => adaptStatement(database.prepare(sql)),
  };
  return new SqliteDialect({ database: adapter });
}
