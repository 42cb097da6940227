// Polls the hub's cluster list every few seconds, keeping the last good answer when a poll fails.
import { useEffect, useState } from 'react';
import type { ClusterSummary } from '@flotilla/protocol';
import { ApiError } from '../../api/api-error.ts';
import { fetchClusters } from '../../api/fetch-clusters.ts';

/** How often the fleet is re-read. */
export const pollIntervalMs = 5000;

/** What the dashboard knows about the fleet: `clusters` null until the first answer arrives. */
export interface FleetState {
  readonly clusters: readonly ClusterSummary[] | null;
  readonly error: string | null;
  readonly updatedAt: Date | null;
}

const initialState: FleetState = { clusters: null, error: null, updatedAt: null };

function describe(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong.';
}

/** Polls `GET /api/v1/clusters` with `token`; calls `onUnauthenticated` when the hub answers 401. */
export function useClusters(
  token: string,
  onUnauthenticated: (message: string) => void,
): FleetState {
  const [state, setState] = useState(initialState);
  useEffect(() => {
    const controller = new AbortController();
    let timer: number | undefined;
    const poll = async (): Promise<void> => {
      try {
        const clusters = await fetchClusters(token, controller.signal);
        setState({ clusters, error: null, updatedAt: new Date() });
      } catch (error) {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.isUnauthenticated)
          return onUnauthenticated(error.message);
        setState((previous) => ({ ...previous, error: describe(error) }));
      }
      if (!controller.signal.aborted) timer = window.setTimeout(() => void poll(), pollIntervalMs);
    };
    void poll();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [token, onUnauthenticated]);
  return state;
}
