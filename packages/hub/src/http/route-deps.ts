// What every REST route module needs from the hub.
import type { Authenticator } from '../access/authenticate.ts';
import type { Db } from '../store/store.ts';
import type { SessionRegistry } from '../tunnel/sessions.ts';

export interface RouteDeps {
  readonly db: Db;
  readonly now: () => Date;
  readonly sessions: SessionRegistry;
  readonly authenticator: Authenticator;
  /** Drops the cluster's live tunnel (after its credentials were revoked or it was decommissioned). */
  readonly disconnect: (cluster: string, reason: string) => void;
}
