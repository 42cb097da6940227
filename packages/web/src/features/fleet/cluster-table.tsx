// The fleet table: one row per cluster, each leading to the cluster's page.
import type { ClusterSummary } from '@flotilla/protocol';
import { AppLink } from '../../components/app-link.tsx';
import { sortByEnvironment } from '../../components/by-environment.ts';
import { ConnectionState } from '../../components/connection-state.tsx';
import { EnvironmentBadge } from '../../components/environment-badge.tsx';
import { orDash } from '../../components/format.ts';
import { clusterHref } from '../../routing/route.ts';
import { navigate } from '../../routing/use-route.ts';

function ClusterRow({ cluster }: { readonly cluster: ClusterSummary }) {
  const href = clusterHref(cluster.name);
  return (
    <tr className="clickable" onClick={() => navigate(href)}>
      <th scope="row">
        <AppLink href={href}>{cluster.name}</AppLink>
      </th>
      <td>
        <EnvironmentBadge environment={cluster.environment} />
      </td>
      <td>
        <ConnectionState cluster={cluster} />
      </td>
      <td>{orDash(cluster.kubernetesVersion)}</td>
      <td className="number">{orDash(cluster.nodeCount)}</td>
      <td>{orDash(cluster.agentVersion)}</td>
    </tr>
  );
}

/** Every cluster, by environment then name. */
export function ClusterTable({ clusters }: { readonly clusters: readonly ClusterSummary[] }) {
  if (clusters.length === 0) {
    return <p>No clusters have joined the fleet yet.</p>;
  }
  return (
    <table className="clusters">
      <caption>Clusters</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Environment</th>
          <th scope="col">Connection</th>
          <th scope="col">Kubernetes</th>
          <th scope="col">Nodes</th>
          <th scope="col">Agent</th>
        </tr>
      </thead>
      <tbody>
        {sortByEnvironment(clusters).map((cluster) => (
          <ClusterRow key={cluster.name} cluster={cluster} />
        ))}
      </tbody>
    </table>
  );
}
