// The counts at the top of the overview: connected/total, and clusters per environment.
import type { ClusterSummary } from '@flotilla/protocol';
import { groupByEnvironment } from '../../components/by-environment.ts';
import { EnvironmentBadge } from '../../components/environment-badge.tsx';

/** Fleet-wide counts. */
export function FleetSummary({ clusters }: { readonly clusters: readonly ClusterSummary[] }) {
  const connected = clusters.filter((cluster) => cluster.isConnected).length;
  return (
    <section aria-label="Fleet summary" className="summary">
      <div className="summary-item" data-testid="connected-count">
        <span className="summary-value">
          {connected} / {clusters.length}
        </span>
        <span className="summary-label">connected</span>
      </div>
      {groupByEnvironment(clusters).map((group) => (
        <div
          key={group.environment}
          className="summary-item"
          data-testid={`count-${group.environment}`}
        >
          <span className="summary-value">{group.clusters.length}</span>
          <span className="summary-label">
            <EnvironmentBadge environment={group.environment} />
          </span>
        </div>
      ))}
    </section>
  );
}
