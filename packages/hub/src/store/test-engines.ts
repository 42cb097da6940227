// Runs one store suite against every engine: SQLite in memory and a real PostgreSQL server started
// for the test file. Each `open()` gives a fresh, migrated store.
import { after, before, describe } from 'node:test';
import { pino } from 'pino';
import { migrate, openDatabase, type Db, type Engine } from './store.ts';
import { startTestPostgres, type TestPostgres } from './test-postgres.ts';

/** What a suite gets for one engine. */
export interface EngineFixture {
  readonly engine: Engine;
  /** A fresh store, migrated; closed after the file's tests. */
  open: () => Promise<Db>;
}

const silent = pino({ level: 'silent' });

/** Registers `suite` once per engine, each in its own `describe`. */
export function forEachEngine(suite: (fixture: EngineFixture) => void): void {
  let postgres: TestPostgres | undefined;
  let databases = 0;
  const opened: Db[] = [];
  before(async () => (postgres = await startTestPostgres()));
  after(async () => {
    await Promise.all(opened.map((db) => db.destroy()));
    await postgres?.stop();
  });
  const openWith = async (location: () => Promise<string>) => {
    const db = openDatabase(await location());
    opened.push(db);
    await migrate(db, silent);
    return db;
  };
  const engines: EngineFixture[] = [
    { engine: 'sqlite', open: () => openWith(() => Promise.resolve('sqlite::memory:')) },
    {
      engine: 'postgres',
      open: () => openWith(() => postgres!.createDatabase(`suite_${String(++databases)}`)),
    },
  ];
  for (const fixture of engines) void describe(fixture.engine, () => suite(fixture));
}
