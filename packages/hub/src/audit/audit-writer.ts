// Appends the audit rows of proxied Kubernetes requests in small batches, one transaction each,
// so a busy kubectl costs one commit (one fsync on SQLite) per batch instead of one per request.
//
// Bounds: a row waits at most `maxDelayMs` (100 ms) before its batch commits; `close()` commits
// everything queued, and the hub closes the writer after its last proxied request ended and
// before it closes the store. Callers that must not answer before their row is stored (every
// mutation, exec/attach/port-forward) pass `isUrgent` and await the promise: their batch commits
// at once. Only read rows (get, list, watch) can be lost, and only to a crash of the hub process
// within those 100 ms; a row whose batch fails to commit is written to the error log in full.
import type { Logger } from 'pino';
import type { Db } from '../store/store.ts';
import { auditRow, type AuditEntry } from './audit.ts';

export interface AuditWriter {
  /** Queues `entry`; resolves once it is committed. */
  append(entry: AuditEntry, at: Date, options?: { isUrgent?: boolean }): Promise<void>;
  /** Commits everything queued; later appends commit at once. */
  close(): Promise<void>;
}

interface Pending {
  readonly row: ReturnType<typeof auditRow>;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** How long a read's audit row may wait for its batch. */
export const auditMaxDelayMs = 100;

// Rows per INSERT: 10 columns each stays far below SQLite's and PostgreSQL's parameter limits.
const rowsPerInsert = 500;

/** A batching writer over `db`. */
export function createAuditWriter(db: Db, logger: Logger): AuditWriter {
  let queue: Pending[] = [];
  let timer: NodeJS.Timeout | undefined;
  let isClosed = false;
  let committing: Promise<void> = Promise.resolve();

  const commit = async (batch: Pending[]) => {
    try {
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < batch.length; i += rowsPerInsert)
          await trx
            .insertInto('audit_events')
            .values(batch.slice(i, i + rowsPerInsert).map((p) => p.row))
            .execute();
      });
      for (const pending of batch) pending.resolve();
    } catch (error) {
      const rows = batch.map((p) => p.row);
      logger.error({ err: error, rows }, 'could not store audit rows; they are in this entry');
      for (const pending of batch) pending.reject(error);
    }
  };
  // Batches commit one after another, in the order they were queued.
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const batch = queue;
    queue = [];
    if (batch.length > 0) committing = committing.then(() => commit(batch));
    return committing;
  };
  return {
    append(entry, at, options = {}) {
      const done = new Promise<void>((resolve, reject) =>
        queue.push({ row: auditRow(entry, at), resolve, reject }),
      );
      if (options.isUrgent === true || isClosed) void flush();
      else timer ??= setTimeout(() => void flush(), auditMaxDelayMs);
      return done;
    },
    close() {
      isClosed = true;
      return flush();
    },
  };
}
