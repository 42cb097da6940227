// The fleet overview page at `/`: counts, then the cluster table.
import type { ClusterSummary } from '@flotilla/protocol';
import { ClusterTable } from './cluster-table.tsx';
import { FleetSummary } from './fleet-summary.tsx';

/** The overview of every cluster the user may see (null while the first poll is under way). */
export function FleetOverview({
  clusters,
}: {
  readonly clusters: readonly ClusterSummary[] | null;
}) {
  return (
    <>
      <h1>Fleet overview</h1>
      {clusters !== null && (
        <>
          <FleetSummary clusters={clusters} />
          <ClusterTable clusters={clusters} />
        </>
      )}
    </>
  );
}
