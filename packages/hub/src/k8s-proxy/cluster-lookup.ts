// The cluster rows the proxy decides by, remembered for a moment: a proxied request needs only
// whether the cluster exists, its environment (fixed at registration) and whether it is
// decommissioned, and reading the row on every request was a store query per kubectl call.
import { accessGeneration } from '../access/access-changes.ts';
import { authenticationTtlMs } from '../access/authentication-cache.ts';
import { findCluster, type ClusterRow } from '../clusters/registry.ts';
import type { Db } from '../store/store.ts';

interface Entry {
  readonly row: ClusterRow;
  readonly generation: number;
  readonly staleAfter: number;
}

/** Finds cluster rows, possibly as they were up to `authenticationTtlMs` ago. */
export interface ClusterLookup {
  find(name: string): Promise<ClusterRow | undefined>;
}

/**
 * A lookup that reuses a row for the same bound as authentications. Decommissioning revokes the
 * cluster's credentials, which marks every cached row stale at once (access-changes.ts); unknown
 * clusters are never remembered, so a new registration is seen on the next request.
 */
export function cachedClusterLookup(db: Db, ttlMs = authenticationTtlMs): ClusterLookup {
  const entries = new Map<string, Entry>();
  return {
    async find(name) {
      const hit = entries.get(name);
      if (hit?.generation === accessGeneration() && performance.now() < hit.staleAfter)
        return hit.row;
      const generation = accessGeneration();
      const staleAfter = performance.now() + ttlMs;
      const row = await findCluster(db, name);
      if (row === undefined || generation !== accessGeneration()) entries.delete(name);
      else entries.set(name, { row, generation, staleAfter });
      return row;
    },
  };
}
