// Groups and orders clusters by environment tier (dev → prod), then by name.
import { environments, type ClusterSummary, type Environment } from '@flotilla/protocol';

/** One environment and its clusters, sorted by name. */
export interface EnvironmentGroup {
  readonly environment: Environment;
  readonly clusters: readonly ClusterSummary[];
}

/** Every environment, in rollout order, with its clusters (possibly none). */
export function groupByEnvironment(clusters: readonly ClusterSummary[]): EnvironmentGroup[] {
  return environments.map((environment) => ({
    environment,
    clusters: clusters
      .filter((cluster) => cluster.environment === environment)
      .sort((a, b) => a.name.localeCompare(b.name)),
  }));
}

/** The clusters in rollout order of their environments, then by name. */
export function sortByEnvironment(clusters: readonly ClusterSummary[]): ClusterSummary[] {
  return groupByEnvironment(clusters).flatMap((group) => group.clusters);
}
