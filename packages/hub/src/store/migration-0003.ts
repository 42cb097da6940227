// Migration 0003: the database itself refuses to change or remove audit rows, so "append-only"
// holds even for code (or a person with a SQL prompt) that bypasses the hub's API.
import { sql, type Kysely } from 'kysely';

const message = 'audit_events is append-only';

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
    BEGIN SELECT RAISE(ABORT, ${sql.lit(message)}); END`.execute(db);
  await sql`CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
    BEGIN SELECT RAISE(ABORT, ${sql.lit(message)}); END`.execute(db);
}

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$`.execute(db);
  await sql`CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`.execute(db);
  await sql`CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`.execute(db);
}

/** Installs the append-only guard in the engine's own trigger dialect. */
export async function auditAppendOnly(db: Kysely<unknown>, isPostgres: boolean): Promise<void> {
  await (isPostgres ? postgresTriggers(db) : sqliteTriggers(db));
}
