// REST routes for the audit trail: filtered, cursor-paginated reads and a JSON-lines export.
import { z } from 'zod';
import { authorize, canSomewhere, clusterResource, type Subject } from '../access/can.ts';
import { queryAudit, type AuditQuery } from '../audit/audit-query.ts';
import { activeCluster, findCluster } from '../clusters/registry.ts';
import { FlotillaError } from '@flotilla/protocol';
import type { Db } from '../store/store.ts';
import { apiRoute, type ApiRoute } from './api-route.ts';
import type { RouteDeps } from './route-deps.ts';
import { clusterName, limit, subjectName, timestamp } from './schemas.ts';

const filters = {
  actor: subjectName.optional(),
  cluster: clusterName.optional(),
  kind: z
    .string()
    .regex(/^[a-z-]{1,40}$/)
    .optional(),
  since: timestamp.optional(),
  until: timestamp.optional(),
};
const pageQuery = z.strictObject({
  ...filters,
  cursor: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional(),
  limit: limit.default(100),
});
const exportQuery = z.strictObject(filters);

const auditEvent = z.strictObject({
  id: z.int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  kind: z.string(),
  target: z.string(),
  cluster: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  source: z.string().nullable(),
});
/** One audit event as the REST API answers it. */
export type AuditEventInfo = z.output<typeof auditEvent>;

/** Audit of one cluster needs audit:read on it; the whole trail needs it on the fleet. */
async function authorizeRead(db: Db, subject: Subject, cluster: string | undefined): Promise<void> {
  const read = { kind: 'audit', verb: 'read' } as const;
  if (cluster === undefined) return authorize(subject, read, { kind: 'fleet' });
  if (!canSomewhere(subject, read)) authorize(subject, read, { kind: 'fleet' });
  const row = await findCluster(db, cluster);
  if (row === undefined)
    await activeCluster(db, cluster); // throws not_found
  else authorize(subject, read, clusterResource(row));
}

const exportPage = 1000;

async function exportLines(db: Db, query: Omit<AuditQuery, 'limit'>): Promise<string> {
  const lines: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryAudit(db, { ...query, cursor, limit: exportPage, order: 'asc' });
    for (const event of page.items) lines.push(JSON.stringify(event));
    cursor = page.nextCursor ?? undefined;
    if (lines.length > 1_000_000)
      throw new FlotillaError('payload_too_large', 'narrow the export with since/until');
  } while (cursor !== undefined);
  return lines.map((line) => `${line}\n`).join('');
}

/** The audit routes. */
export function auditRoutes(deps: RouteDeps): ApiRoute[] {
  const tag = 'audit';
  return [
    apiRoute({
      method: 'GET',
      path: '/audit',
      tag,
      summary:
        'Audit events, newest first, filtered by actor, cluster, kind and time; pass nextCursor as cursor',
      query: pageQuery,
      response: z.strictObject({ items: z.array(auditEvent), nextCursor: z.string().nullable() }),
      handler: async ({ subject, query }) => {
        await authorizeRead(deps.db, subject, query.cluster);
        return queryAudit(deps.db, query);
      },
    }),
    apiRoute({
      method: 'GET',
      path: '/audit/export',
      tag,
      summary: 'Export matching audit events as JSON lines, oldest first',
      query: exportQuery,
      produces: 'application/x-ndjson',
      handler: async ({ subject, query, reply }) => {
        await authorizeRead(deps.db, subject, query.cluster);
        void reply.type('application/x-ndjson');
        return exportLines(deps.db, query);
      },
    }),
  ];
}
