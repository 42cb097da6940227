// Who may send this request to which cluster: authenticates the caller, classifies the request,
// asks `can`, and finds the cluster's live tunnel. Shared by plain requests and upgrades.
import type { Logger } from 'pino';
import { FlotillaError, hubRoleGroup } from '@flotilla/protocol';
import type { Authenticator } from '../access/authenticate.ts';
import {
  authorize,
  can,
  clusterResource,
  scopeCovers,
  type Action,
  type Resource,
  type Subject,
} from '../access/can.ts';
import { findCluster } from '../clusters/registry.ts';
import type { Db } from '../store/store.ts';
import type { AuditWriter } from '../audit/audit-writer.ts';
import type { SessionRegistry, TunnelSession } from '../tunnel/sessions.ts';
import { kubernetesAttributes, type KubernetesAttributes } from './kubernetes-attributes.ts';
import { parseProxyTarget, type ProxyTarget } from './proxy-target.ts';
import type { ProxyMetrics } from './proxy-metrics.ts';
import type { ClusterLookup } from './cluster-lookup.ts';

export interface ProxyDeps {
  readonly db: Db;
  /** Where proxied requests are audited (batched reads, urgent writes). */
  readonly audit: AuditWriter;
  /** The cluster rows requests are decided by (briefly cached). */
  readonly clusters: ClusterLookup;
  readonly sessions: SessionRegistry;
  readonly authenticator: Authenticator;
  readonly now: () => Date;
  readonly logger: Logger;
  readonly metrics: ProxyMetrics;
}

/** A request that may go through, and where to. */
export interface AdmittedRequest {
  readonly subject: Subject;
  /** Who the agent impersonates: the user, its groups, and a group per hub role held here. */
  readonly identity: { readonly name: string; readonly groups: readonly string[] };
  readonly target: ProxyTarget;
  readonly attributes: KubernetesAttributes;
  readonly session: TunnelSession;
}

// An unknown cluster is reported as such only to those who could see it if it existed.
function unknownCluster(subject: Subject, action: Action, cluster: string): FlotillaError {
  if (can(subject, action, { kind: 'fleet' }))
    return new FlotillaError('not_found', `cluster ${cluster} does not exist`, {
      details: { cluster },
    });
  return new FlotillaError(
    'forbidden',
    `${subject.name} lacks ${action.kind}:${action.verb} on cluster ${cluster}`,
    { details: { permission: `${action.kind}:${action.verb}`, cluster } },
  );
}

/** The 503 for a cluster without a live tunnel, saying when it was last seen. */
export function notConnected(cluster: string, lastSeenAt: string | null): FlotillaError {
  const when = lastSeenAt === null ? 'it has never connected' : `it was last seen at ${lastSeenAt}`;
  return new FlotillaError(
    'cluster_unavailable',
    `cluster ${cluster} is not connected to the hub; ${when}`,
    { details: { cluster, lastSeenAt } },
  );
}

function impersonated(subject: Subject, resource: Resource) {
  const roles = new Set(
    subject.grants.filter((g) => scopeCovers(g.scope, resource)).map((g) => g.role),
  );
  return { name: subject.name, groups: [...subject.groups, ...[...roles].map(hubRoleGroup)] };
}

/** Admits the request or throws the FlotillaError to answer with. */
export async function admitRequest(
  deps: ProxyDeps,
  method: string,
  rawUrl: string,
  authorization: string | undefined,
): Promise<AdmittedRequest> {
  const target = parseProxyTarget(rawUrl);
  const subject = await deps.authenticator.authenticate(authorization);
  const attributes = kubernetesAttributes(method, target.path);
  const action: Action = { kind: 'kubernetes', verb: attributes.verb };
  const row = await deps.clusters.find(target.cluster);
  if (row === undefined || row.decommissioned_at !== null)
    throw unknownCluster(subject, action, target.cluster);
  const resource = clusterResource(row);
  authorize(subject, action, resource);
  const session = deps.sessions.get(target.cluster);
  if (session === undefined) {
    // The remembered row may predate the disconnect: say when it was really last seen.
    const fresh = await findCluster(deps.db, target.cluster);
    throw notConnected(target.cluster, fresh?.last_seen_at ?? row.last_seen_at);
  }
  return { subject, identity: impersonated(subject, resource), target, attributes, session };
}
