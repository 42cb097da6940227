// The append-only audit trail: written in the same transaction as the change it records. No code
// path updates or deletes an audit row; the API only reads them (audit-query.ts).
import type { Db } from '../store/store.ts';

/** Who asks for a change, for the audit trail. */
export interface Actor {
  readonly name: string;
  readonly requestId?: string;
  readonly source?: string;
}

/** One mutation as the audit trail records it. */
export interface AuditEntry {
  readonly actor: string;
  readonly action: string;
  readonly kind: string;
  readonly target: string;
  readonly cluster?: string;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly requestId?: string;
  readonly source?: string;
}

/** The audit fields that come from the actor. */
export function auditActor(actor: Actor): Pick<AuditEntry, 'actor' | 'requestId' | 'source'> {
  return { actor: actor.name, requestId: actor.requestId, source: actor.source };
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/** The row that records `entry`, made at `now`. */
export function auditRow(entry: AuditEntry, now: Date) {
  return {
    at: now.toISOString(),
    actor: entry.actor,
    action: entry.action,
    kind: entry.kind,
    target: entry.target,
    cluster: entry.cluster ?? null,
    before: json(entry.before),
    after: json(entry.after),
    request_id: entry.requestId ?? null,
    source: entry.source ?? null,
  };
}

/** Appends `entry`; call it with the transaction that makes the change. */
export async function recordAudit(db: Db, entry: AuditEntry, now: Date): Promise<void> {
  await db.insertInto('audit_events').values(auditRow(entry, now)).execute();
}
