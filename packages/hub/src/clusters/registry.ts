// The cluster registry: which clusters exist, their environment and labels, and what agents report.
import { FlotillaError, type AgentHello, type Environment } from '@flotilla/protocol';
import type { Db } from '../store/store.ts';
import type { ClusterTable } from '../store/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import { issueCredential } from '../access/credentials.ts';

export interface NewCluster {
  readonly name: string;
  readonly environment: Environment;
  readonly labels: Readonly<Record<string, string>>;
}

/** Who asks for a change, for the audit trail. */
export interface Actor {
  readonly name: string;
  readonly requestId?: string;
  readonly source?: string;
}

/** Creates a cluster and its agent credential, audited in one transaction; returns the secret. */
export async function registerCluster(
  db: Db,
  cluster: NewCluster,
  actor: Actor,
  now: Date,
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const existing = await findCluster(trx, cluster.name);
    if (existing !== undefined) {
      throw new FlotillaError('conflict', `cluster ${cluster.name} already exists`, {
        details: { cluster: cluster.name },
      });
    }
    await trx.insertInto('clusters').values(newRow(cluster, now)).execute();
    const secret = await issueCredential(trx, 'agent', cluster.name, now);
    const after = { name: cluster.name, environment: cluster.environment, labels: cluster.labels };
    await recordAudit(
      trx,
      {
        ...auditActor(actor),
        action: 'create',
        kind: 'cluster',
        target: cluster.name,
        cluster: cluster.name,
        after,
      },
      now,
    );
    return secret;
  });
}

function auditActor(actor: Actor) {
  return { actor: actor.name, requestId: actor.requestId, source: actor.source };
}

function newRow(cluster: NewCluster, now: Date): ClusterTable {
  return {
    name: cluster.name,
    environment: cluster.environment,
    labels: JSON.stringify(cluster.labels),
    created_at: now.toISOString(),
    decommissioned_at: null,
    kubernetes_version: null,
    node_count: null,
    agent_version: null,
    first_seen_at: null,
    last_seen_at: null,
  };
}

/** The cluster named `name`, decommissioned or not. */
export async function findCluster(db: Db, name: string): Promise<ClusterTable | undefined> {
  return db.selectFrom('clusters').selectAll().where('name', '=', name).executeTakeFirst();
}

/** Every cluster that is not decommissioned, by name. */
export async function listClusters(db: Db): Promise<ClusterTable[]> {
  return db
    .selectFrom('clusters')
    .selectAll()
    .where('decommissioned_at', 'is', null)
    .orderBy('name')
    .execute();
}

/** Stores what an agent said about its cluster when it connected. */
export async function recordAgentHello(db: Db, hello: AgentHello, now: Date): Promise<void> {
  const at = now.toISOString();
  await db
    .updateTable('clusters')
    .set((eb) => ({
      kubernetes_version: hello.kubernetesVersion,
      node_count: hello.nodeCount,
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

/** Revokes the cluster's agent credentials and issues a new one, audited; returns the secret. */
export async function rotateAgentCredential(
  db: Db,
  cluster: string,
  actor: Actor,
  now: Date,
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    if ((await findCluster(trx, cluster)) === undefined) {
      throw new FlotillaError('not_found', `cluster ${cluster} does not exist`, {
        details: { cluster },
      });
    }
    await trx
      .updateTable('credentials')
      .set({ revoked_at: now.toISOString() })
      .where('kind', '=', 'agent')
      .where('subject', '=', cluster)
      .where('revoked_at', 'is', null)
      .execute();
    const secret = await issueCredential(trx, 'agent', cluster, now);
    await recordAudit(
      trx,
      {
        ...auditActor(actor),
        action: 'rotate',
        kind: 'agent-credential',
        target: cluster,
        cluster,
      },
      now,
    );
    return secret;
  });
}
