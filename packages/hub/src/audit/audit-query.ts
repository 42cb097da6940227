// Reading the audit trail: filters by actor, cluster, kind and time range, with cursor pagination.
import type { Db } from '../store/store.ts';
import type { AuditTable } from '../store/schema.ts';
import type { Selectable } from 'kysely';

/** Filters and page position; `cursor` is the `nextCursor` of the previous page. */
export interface AuditQuery {
  readonly actor?: string;
  readonly cluster?: string;
  readonly kind?: string;
  readonly since?: string;
  readonly until?: string;
  readonly cursor?: string;
  readonly limit: number;
  /** `desc` (newest first) for browsing, `asc` for export. */
  readonly order?: 'asc' | 'desc';
}

/** One audit record as the API shows it. */
export interface AuditEvent {
  readonly id: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly kind: string;
  readonly target: string;
  readonly cluster: string | null;
  readonly before: unknown;
  readonly after: unknown;
  readonly requestId: string | null;
  readonly source: string | null;
}

/** A page of events and where the next one starts (null: this was the last). */
export interface AuditPage {
  readonly items: AuditEvent[];
  readonly nextCursor: string | null;
}

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

function toEvent(row: Selectable<AuditTable>): AuditEvent {
  return {
    id: Number(row.id),
    at: row.at,
    actor: row.actor,
    action: row.action,
    kind: row.kind,
    target: row.target,
    cluster: row.cluster,
    before: parse(row.before),
    after: parse(row.after),
    requestId: row.request_id,
    source: row.source,
  };
}

/** One page of audit events matching `query`. */
export async function queryAudit(db: Db, query: AuditQuery): Promise<AuditPage> {
  const order = query.order ?? 'desc';
  let select = db.selectFrom('audit_events').selectAll();
  if (query.actor !== undefined) select = select.where('actor', '=', query.actor);
  if (query.cluster !== undefined) select = select.where('cluster', '=', query.cluster);
  if (query.kind !== undefined) select = select.where('kind', '=', query.kind);
  if (query.since !== undefined) select = select.where('at', '>=', query.since);
  if (query.until !== undefined) select = select.where('at', '<', query.until);
  if (query.cursor !== undefined)
    select = select.where('id', order === 'desc' ? '<' : '>', Number(query.cursor));
  const rows = await select
    .orderBy('id', order)
    .limit(query.limit + 1)
    .execute();
  const items = rows.slice(0, query.limit).map(toEvent);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? String(last.id) : null };
}
