// The cluster registry: which clusters exist, their environment and labels, and what agents report.
import { FlotillaError, type AgentHello, type Environment } from '@flotilla/protocol';
import type { Db } from '../store/store.ts';
import type { ClusterTable } from '../store/schema.ts';
import type { Insertable, Selectable } from 'kysely';
import { auditActor, recordAudit, type Actor } from '../audit/audit.ts';
import { issueCredential } from '../access/credentials.ts';

export type { Actor } from '../audit/audit.ts';

export interface NewCluster {
  readonly name: string;
  readonly environment: Environment;
  readonly labels: Readonly<Record<string, string>>;
  readonly dnsName?: string | null;
}

/** A registry row as read from the store. */
export type ClusterRow = Selectable<ClusterTable>;

/** Creates a cluster and its agent credential, audited in one transaction; returns the secret. */
export async function registerCluster(
  db: Db,
  cluster: NewCluster,
  actor: Actor,
  now: Date,
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const { secret } = await insertCluster(trx, cluster, now);
    await recordAudit(
      trx,
      {
        ...auditActor(actor),
        action: 'create',
        kind: 'cluster',
        target: cluster.name,
        cluster: cluster.name,
        after: publicFields(cluster),
      },
      now,
    );
    return secret;
  });
}

/** Inserts the cluster and issues its first agent credential; call inside a transaction. */
export async function insertCluster(
  trx: Db,
  cluster: NewCluster,
  now: Date,
): Promise<{ secret: string }> {
  if ((await findCluster(trx, cluster.name)) !== undefined) {
    throw new FlotillaError('conflict', `cluster ${cluster.name} already exists`, {
      details: { cluster: cluster.name },
    });
  }
  await trx.insertInto('clusters').values(newRow(cluster, now)).execute();
  return issueCredential(trx, 'agent', cluster.name, now);
}

/** The fields of a cluster the audit trail records. */
export function publicFields(cluster: NewCluster) {
  return {
    name: cluster.name,
    environment: cluster.environment,
    labels: cluster.labels,
    dnsName: cluster.dnsName ?? null,
  };
}

function newRow(cluster: NewCluster, now: Date): Insertable<ClusterTable> {
  return {
    name: cluster.name,
    environment: cluster.environment,
    labels: JSON.stringify(cluster.labels),
    dns_name: cluster.dnsName ?? null,
    created_at: now.toISOString(),
    decommissioned_at: null,
    kubernetes_version: null,
    node_count: null,
    capacity_cpu_millicores: null,
    capacity_memory_mib: null,
    agent_version: null,
    first_seen_at: null,
    last_seen_at: null,
  };
}

/** The cluster named `name`, decommissioned or not. */
export async function findCluster(db: Db, name: string): Promise<ClusterRow | undefined> {
  return db.selectFrom('clusters').selectAll().where('name', '=', name).executeTakeFirst();
}

/** The cluster named `name` unless it is unknown or decommissioned (then `not_found`). */
export async function activeCluster(db: Db, name: string): Promise<ClusterRow> {
  const row = await findCluster(db, name);
  if (row === undefined || row.decommissioned_at !== null) {
    throw new FlotillaError('not_found', `cluster ${name} does not exist`, {
      details: { cluster: name },
    });
  }
  return row;
}

/** Clusters by name; decommissioned ones (tombstones) only when asked. */
export async function listClusters(
  db: Db,
  options: { includeDecommissioned?: boolean } = {},
): Promise<ClusterRow[]> {
  let select = db.selectFrom('clusters').selectAll();
  if (options.includeDecommissioned !== true)
    select = select.where('decommissioned_at', 'is', null);
  return select.orderBy('name').execute();
}

/** Stores what an agent said about its cluster when it connected. */
export async function recordAgentHello(db: Db, hello: AgentHello, now: Date): Promise<void> {
  const at = now.toISOString();
  await db
    .updateTable('clusters')
    .set((eb) => ({
      kubernetes_version: hello.kubernetesVersion,
      node_count: hello.nodeCount,
      capacity_cpu_millicores: hello.capacity?.cpuMillicores ?? null,
      capacity_memory_mib: hello.capacity?.memoryMib ?? null,
      agent_version: hello.agentVersion,
      first_seen_at: eb.fn.coalesce('first_seen_at', eb.val(at)),
      last_seen_at: at,
    }))
    .where('name', '=', hello.cluster)
    .execute();
}

/** Stores when the cluster's agent was last seen (on disconnect). */
export async function recordLastSeen(db: Db, cluster: string, now: Date): Promise<void> {
  await db
    .updateTable('clusters')
    .set({ last_seen_at: now.toISOString() })
    .where('name', '=', cluster)
    .execute();
}
