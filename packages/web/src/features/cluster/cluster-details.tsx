// The facts the hub knows about one cluster, as a description list.
import type { ClusterSummary } from '@flotilla/protocol';
import { ConnectionState } from '../../components/connection-state.tsx';
import { EnvironmentBadge } from '../../components/environment-badge.tsx';
import { orDash } from '../../components/format.ts';
import { RelativeTime } from '../../components/relative-time.tsx';

function Labels({ labels }: { readonly labels: Readonly<Record<string, string>> }) {
  const entries = Object.entries(labels).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <>none</>;
  return (
    <ul className="labels">
      {entries.map(([key, value]) => (
        <li key={key}>
          <code>
            {key}={value}
          </code>
        </li>
      ))}
    </ul>
  );
}

/** Environment, connection, versions, nodes and labels of `cluster`. */
export function ClusterDetails({ cluster }: { readonly cluster: ClusterSummary }) {
  return (
    <dl className="details">
      <dt>Environment</dt>
      <dd>
        <EnvironmentBadge environment={cluster.environment} />
      </dd>
      <dt>Connection</dt>
      <dd>
        <ConnectionState cluster={cluster} />
      </dd>
      <dt>Last seen</dt>
      <dd>{cluster.lastSeenAt === null ? 'never' : <RelativeTime iso={cluster.lastSeenAt} />}</dd>
      <dt>Kubernetes version</dt>
      <dd>{orDash(cluster.kubernetesVersion)}</dd>
      <dt>Nodes</dt>
      <dd>{orDash(cluster.nodeCount)}</dd>
      <dt>Agent version</dt>
      <dd>{orDash(cluster.agentVersion)}</dd>
      <dt>Labels</dt>
      <dd>
        <Labels labels={cluster.labels} />
      </dd>
    </dl>
  );
}
