// The header's cluster picker: every cluster grouped by environment, plus the fleet overview.
import type { ChangeEvent } from 'react';
import type { ClusterSummary } from '@flotilla/protocol';
import { clusterHref } from '../routing/route.ts';
import { navigate } from '../routing/use-route.ts';
import { groupByEnvironment } from './by-environment.ts';

type Props = {
  readonly clusters: readonly ClusterSummary[];
  /** The cluster in the URL, or null on fleet-wide pages. */
  readonly current: string | null;
};

const overview = '';

function onChange(event: ChangeEvent<HTMLSelectElement>): void {
  const value = event.target.value;
  navigate(value === overview ? '/' : clusterHref(value));
}

/** A labelled select that navigates to the chosen cluster's page. */
export function ClusterSwitcher({ clusters, current }: Props) {
  const isKnown = current === null || clusters.some((cluster) => cluster.name === current);
  return (
    <div className="switcher">
      <label htmlFor="cluster-switcher">Cluster</label>
      <select id="cluster-switcher" value={current ?? overview} onChange={onChange}>
        <option value={overview}>All clusters (fleet overview)</option>
        {!isKnown && <option value={current}>{current}</option>}
        {groupByEnvironment(clusters)
          .filter((group) => group.clusters.length > 0)
          .map((group) => (
            <optgroup key={group.environment} label={group.environment}>
              {group.clusters.map((cluster) => (
                <option key={cluster.name} value={cluster.name}>
                  {cluster.name}
                  {cluster.isConnected ? '' : ' (disconnected)'}
                </option>
              ))}
            </optgroup>
          ))}
      </select>
    </div>
  );
}
