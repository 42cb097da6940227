// Whether a cluster's agent holds a live tunnel to the hub, and when it was last heard from.
import type { ClusterSummary } from '@flotilla/protocol';
import { RelativeTime } from './relative-time.tsx';

type Props = { readonly cluster: Pick<ClusterSummary, 'isConnected' | 'lastSeenAt'> };

/** "connected", or "disconnected · last seen 5 min ago" / "never connected". */
export function ConnectionState({ cluster }: Props) {
  if (cluster.isConnected) {
    return <span className="state state-connected">connected</span>;
  }
  return (
    <span className="state state-disconnected">
      disconnected
      <span className="state-detail">
        {cluster.lastSeenAt === null ? (
          ' · never connected'
        ) : (
          <>
            {' · last seen '}
            <RelativeTime iso={cluster.lastSeenAt} />
          </>
        )}
      </span>
    </span>
  );
}
