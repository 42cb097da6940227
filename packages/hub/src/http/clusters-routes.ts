// REST routes for the cluster registry, merged with the live tunnel state.
import { z } from 'zod';
import {
  FlotillaError,
  clusterSummary,
  environments,
  type ClusterSummary,
  type Environment,
} from '@flotilla/protocol';
import { authorize, can, canSomewhere, clusterResource, type Subject } from '../access/can.ts';
import {
  findCluster,
  listClusters,
  registerCluster,
  type ClusterRow,
} from '../clusters/registry.ts';
import {
  decommissionCluster,
  relabelCluster,
  revokeAgentCredentials,
  rotateAgentCredential,
} from '../clusters/cluster-changes.ts';
import type { SessionRegistry } from '../tunnel/sessions.ts';
import { apiRoute, type ApiRoute } from './api-route.ts';
import type { RouteDeps } from './route-deps.ts';
import {
  clusterName,
  dnsName,
  environment,
  itemsOf,
  labelPatch,
  labels,
  nameParams,
} from './schemas.ts';

function asEnvironment(value: string): Environment {
  return environments.find((e) => e === value) ?? 'dev';
}

/** A registry row seen through the live session table. */
export function summarize(row: ClusterRow, sessions: SessionRegistry): ClusterSummary {
  const session = sessions.get(row.name);
  return {
    name: row.name,
    environment: asEnvironment(row.environment),
    labels: JSON.parse(row.labels) as Record<string, string>,
    isConnected: session !== undefined,
    lastSeenAt: session?.lastSeenAt.toISOString() ?? row.last_seen_at,
    kubernetesVersion: row.kubernetes_version,
    nodeCount: row.node_count,
    capacity:
      row.capacity_cpu_millicores === null || row.capacity_memory_mib === null
        ? null
        : { cpuMillicores: row.capacity_cpu_millicores, memoryMib: row.capacity_memory_mib },
    agentVersion: row.agent_version,
  };
}

export const clusterDetail = clusterSummary.extend({
  dnsName: z.string().nullable(),
  createdAt: z.string(),
  firstSeenAt: z.string().nullable(),
  decommissionedAt: z.string().nullable(),
  version: z.int(),
});

function detail(row: ClusterRow, sessions: SessionRegistry): z.infer<typeof clusterDetail> {
  return {
    ...summarize(row, sessions),
    dnsName: row.dns_name,
    createdAt: row.created_at,
    firstSeenAt: row.first_seen_at,
    decommissionedAt: row.decommissioned_at,
    version: row.version,
  };
}

/** The cluster (tombstones included) if the subject may read it; 403 before 404 for outsiders. */
async function readable(deps: RouteDeps, subject: Subject, name: string): Promise<ClusterRow> {
  if (!canSomewhere(subject, { kind: 'clusters', verb: 'read' }))
    authorize(subject, { kind: 'clusters', verb: 'read' }, { kind: 'fleet' });
  const row = await findCluster(deps.db, name);
  if (row === undefined)
    throw new FlotillaError('not_found', `cluster ${name} does not exist`, {
      details: { cluster: name },
    });
  authorize(subject, { kind: 'clusters', verb: 'read' }, clusterResource(row));
  return row;
}

/** Loads the cluster and checks the subject may do `verb` to it. */
async function allowed(
  deps: RouteDeps,
  subject: Subject,
  name: string,
  verb: 'label' | 'decommission' | 'credentials',
) {
  const row = await readable(deps, subject, name);
  authorize(subject, { kind: 'clusters', verb }, clusterResource(row));
  return row;
}

const credentialAnswer = z.strictObject({ cluster: z.string(), credential: z.string() });

/** The cluster routes. */
export function clusterRoutes(deps: RouteDeps): ApiRoute[] {
  return [...clusterReadRoutes(deps), ...clusterChangeRoutes(deps)];
}

function clusterReadRoutes(deps: RouteDeps): ApiRoute[] {
  const tag = 'clusters';
  return [
    apiRoute({
      method: 'GET',
      path: '/clusters',
      tag,
      summary: 'List the clusters the caller may read, with their live connection state',
      query: z.strictObject({ decommissioned: z.enum(['exclude', 'include']).default('exclude') }),
      response: itemsOf(clusterSummary),
      handler: async ({ subject, query }) => {
        const read = { kind: 'clusters', verb: 'read' } as const;
        if (!canSomewhere(subject, read)) authorize(subject, read, { kind: 'fleet' });
        const rows = await listClusters(deps.db, {
          includeDecommissioned: query.decommissioned === 'include',
        });
        const visible = rows.filter((row) => can(subject, read, clusterResource(row)));
        return { items: visible.map((row) => summarize(row, deps.sessions)) };
      },
    }),
    apiRoute({
      method: 'POST',
      path: '/clusters',
      tag,
      summary: 'Register a cluster; answers its agent credential once',
      body: z.strictObject({
        name: clusterName,
        environment,
        labels: labels.default({}),
        dnsName: dnsName.optional(),
      }),
      response: credentialAnswer,
      status: 201,
      handler: async ({ subject, actor, body }) => {
        authorize(
          subject,
          { kind: 'clusters', verb: 'register' },
          { kind: 'environment', environment: body.environment },
        );
        const credential = await registerCluster(deps.db, body, actor, deps.now());
        return { cluster: body.name, credential };
      },
    }),
    apiRoute({
      method: 'GET',
      path: '/clusters/:name',
      tag,
      summary: 'One cluster, decommissioned or not',
      params: nameParams,
      response: clusterDetail,
      handler: async ({ subject, params }) =>
        detail(await readable(deps, subject, params.name), deps.sessions),
    }),
  ];
}

function decommissionRoute(deps: RouteDeps): ApiRoute {
  return apiRoute({
    method: 'POST',
    path: '/clusters/:name/decommission',
    tag: 'clusters',
    summary: 'Decommission a cluster: a tombstone that keeps its history; its agent is refused',
    params: nameParams,
    response: clusterDetail,
    handler: async ({ subject, actor, params }) => {
      await allowed(deps, subject, params.name, 'decommission');
      const row = await decommissionCluster(deps.db, params.name, actor, deps.now());
      deps.disconnect(params.name, 'cluster decommissioned');
      return detail(row, deps.sessions);
    },
  });
}

function clusterChangeRoutes(deps: RouteDeps): ApiRoute[] {
  const tag = 'clusters';
  return [
    apiRoute({
      method: 'PATCH',
      path: '/clusters/:name',
      tag,
      summary: 'Relabel a cluster (null removes a label) or change its DNS name',
      params: nameParams,
      body: z.strictObject({
        labels: labelPatch.optional(),
        dnsName: dnsName.nullable().optional(),
      }),
      response: clusterDetail,
      handler: async ({ subject, actor, params, body }) => {
        await allowed(deps, subject, params.name, 'label');
        return detail(
          await relabelCluster(deps.db, params.name, body, actor, deps.now()),
          deps.sessions,
        );
      },
    }),
    decommissionRoute(deps),
    apiRoute({
      method: 'POST',
      path: '/clusters/:name/credentials/rotate',
      tag,
      summary: "Revoke the cluster's agent credentials and issue a new one (answered once)",
      params: nameParams,
      response: credentialAnswer,
      handler: async ({ subject, actor, params }) => {
        await allowed(deps, subject, params.name, 'credentials');
        const credential = await rotateAgentCredential(deps.db, params.name, actor, deps.now());
        return { cluster: params.name, credential };
      },
    }),
    apiRoute({
      method: 'POST',
      path: '/clusters/:name/credentials/revoke',
      tag,
      summary: "Revoke the cluster's agent credentials and drop its tunnel",
      params: nameParams,
      response: z.strictObject({ cluster: z.string(), revoked: z.int() }),
      handler: async ({ subject, actor, params }) => {
        await allowed(deps, subject, params.name, 'credentials');
        const revoked = await revokeAgentCredentials(deps.db, params.name, actor, deps.now());
        deps.disconnect(params.name, 'credential revoked');
        return { cluster: params.name, revoked };
      },
    }),
  ];
}
