// REST routes for the cluster registry, merged with the live tunnel state.
import type { FastifyInstance } from 'fastify';
import { apiPrefix, environments, type ClusterSummary, type Environment } from '@flotilla/protocol';
import { listClusters } from '../clusters/registry.ts';
import type { ClusterTable } from '../store/schema.ts';
import type { SessionRegistry } from '../tunnel/sessions.ts';
import type { Db } from '../store/store.ts';
import { authenticateUser } from './authenticate.ts';

function asEnvironment(value: string): Environment {
  return environments.find((e) => e === value) ?? 'dev';
}

/** A registry row seen through the live session table. */
export function summarize(row: ClusterTable, sessions: SessionRegistry): ClusterSummary {
  const session = sessions.get(row.name);
  return {
    name: row.name,
    environment: asEnvironment(row.environment),
    labels: JSON.parse(row.labels) as Record<string, string>,
    isConnected: session !== undefined,
    lastSeenAt: session?.lastSeenAt.toISOString() ?? row.last_seen_at,
    kubernetesVersion: row.kubernetes_version,
    nodeCount: row.node_count,
    agentVersion: row.agent_version,
  };
}

/** `GET /api/v1/clusters`. */
export function installClusterRoutes(
  app: FastifyInstance,
  deps: { db: Db; sessions: SessionRegistry; now: () => Date },
): void {
  app.get(`${apiPrefix}/clusters`, async (request) => {
    await authenticateUser(deps.db, request, deps.now());
    const rows = await listClusters(deps.db);
    return { items: rows.map((row) => summarize(row, deps.sessions)) };
  });
}
