// Changes to registered clusters: relabel, rotate or revoke the agent credential, decommission.
// Each change and its audit row land in one transaction.
import { FlotillaError } from '@flotilla/protocol';
import type { Db } from '../store/store.ts';
import { auditActor, recordAudit, type Actor } from '../audit/audit.ts';
import { issueCredential, revokeCredentials } from '../access/credentials.ts';
import { activeCluster, type ClusterRow } from './registry.ts';

/** A relabel: `null` removes a label; `dnsName` replaces the DNS name when present. */
export interface ClusterPatch {
  readonly labels?: Readonly<Record<string, string | null>>;
  readonly dnsName?: string | null;
}

// Each failed compare-and-set means another writer committed, so progress is guaranteed; the
// bound only stops a pathological storm from spinning forever.
const maxAttempts = 200;

const labelsOf = (row: ClusterRow) => JSON.parse(row.labels) as Record<string, string>;

function applyPatch(row: ClusterRow, patch: ClusterPatch) {
  const labels = labelsOf(row);
  for (const [key, value] of Object.entries(patch.labels ?? {})) {
    if (value === null) delete labels[key];
    else labels[key] = value;
  }
  const sorted = Object.fromEntries(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
  return { labels: sorted, dnsName: patch.dnsName === undefined ? row.dns_name : patch.dnsName };
}

async function tryRelabel(db: Db, name: string, patch: ClusterPatch, actor: Actor, now: Date) {
  return db.transaction().execute(async (trx) => {
    const row = await activeCluster(trx, name);
    const after = applyPatch(row, patch);
    const result = await trx
      .updateTable('clusters')
      .set({
        labels: JSON.stringify(after.labels),
        dns_name: after.dnsName,
        version: row.version + 1,
      })
      .where('name', '=', name)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return undefined; // another writer won; read again
    const before = { labels: labelsOf(row), dnsName: row.dns_name };
    const entry = { action: 'update', kind: 'cluster', target: name, cluster: name, before, after };
    await recordAudit(trx, { ...auditActor(actor), ...entry }, now);
    return {
      ...row,
      labels: JSON.stringify(after.labels),
      dns_name: after.dnsName,
      version: row.version + 1,
    };
  });
}

/** Merges `patch` into the cluster's labels (optimistic concurrency: no update is lost). */
export async function relabelCluster(
  db: Db,
  name: string,
  patch: ClusterPatch,
  actor: Actor,
  now: Date,
): Promise<ClusterRow> {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const row = await tryRelabel(db, name, patch, actor, now);
    if (row !== undefined) return row;
  }
  throw new FlotillaError('conflict', `cluster ${name} is changing too fast; retry`, {
    details: { cluster: name },
  });
}

/** Revokes the cluster's agent credentials and issues a new one, audited; returns the secret. */
export async function rotateAgentCredential(
  db: Db,
  cluster: string,
  actor: Actor,
  now: Date,
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    await activeCluster(trx, cluster);
    await revokeCredentials(trx, 'agent', cluster, now);
    const { secret } = await issueCredential(trx, 'agent', cluster, now);
    const entry = { action: 'rotate', kind: 'agent-credential', target: cluster, cluster };
    await recordAudit(trx, { ...auditActor(actor), ...entry }, now);
    return secret;
  });
}

/** Revokes every agent credential of the cluster: its agent is refused until rotated. */
export async function revokeAgentCredentials(
  db: Db,
  cluster: string,
  actor: Actor,
  now: Date,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await activeCluster(trx, cluster);
    const count = await revokeCredentials(trx, 'agent', cluster, now);
    const entry = { action: 'revoke', kind: 'agent-credential', target: cluster, cluster };
    await recordAudit(trx, { ...auditActor(actor), ...entry, after: { revoked: count } }, now);
    return count;
  });
}

/**
 * Decommissions the cluster: a tombstone that keeps its row and history (Flux then sees an empty
 * input list and cleans up), with its credentials revoked so its agent is refused.
 */
export async function decommissionCluster(
  db: Db,
  cluster: string,
  actor: Actor,
  now: Date,
): Promise<ClusterRow> {
  return db.transaction().execute(async (trx) => {
    const row = await activeCluster(trx, cluster);
    const at = now.toISOString();
    await trx
      .updateTable('clusters')
      .set({ decommissioned_at: at, version: row.version + 1 })
      .where('name', '=', cluster)
      .execute();
    await revokeCredentials(trx, 'agent', cluster, now);
    const entry = { action: 'decommission', kind: 'cluster', target: cluster, cluster };
    await recordAudit(
      trx,
      { ...auditActor(actor), ...entry, after: { decommissionedAt: at } },
      now,
    );
    return { ...row, decommissioned_at: at, version: row.version + 1 };
  });
}
