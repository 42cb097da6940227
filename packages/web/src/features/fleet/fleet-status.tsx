// Loading and error states of the fleet poll, in words, announced to screen readers.
import type { FleetState } from './use-clusters.ts';

/** "Loading clusters…", or why the last poll failed and how old the data on screen is. */
export function FleetStatus({ state }: { readonly state: FleetState }) {
  return (
    <div aria-live="polite" className="fleet-status">
      {state.clusters === null && state.error === null && <p>Loading clusters…</p>}
      {state.error !== null && (
        <p role="alert" className="error">
          Could not load clusters: {state.error}{' '}
          {state.updatedAt === null
            ? 'Retrying every 5 seconds.'
            : `Showing data from ${state.updatedAt.toLocaleTimeString()}; retrying.`}
        </p>
      )}
    </div>
  );
}
