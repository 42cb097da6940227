// Live agent sessions, one per cluster: a newer connection from the same cluster replaces the older.
import type { ClientHttp2Session } from 'node:http2';
import type { WebSocket } from 'ws';
import type { AgentHello } from '@flotilla/protocol';

/** One connected agent. */
export interface TunnelSession {
  readonly id: string;
  readonly cluster: string;
  readonly socket: WebSocket;
  /** HTTP/2 over the socket: one stream per proxied request. */
  readonly channel: ClientHttp2Session;
  readonly hello: AgentHello;
  readonly connectedAt: Date;
  lastSeenAt: Date;
}

/** Sessions by cluster name. */
export class SessionRegistry {
  readonly #byCluster = new Map<string, TunnelSession>();

  /** Makes `session` the cluster's current one and returns the session it replaced, if any. */
  add(session: TunnelSession): TunnelSession | undefined {
    const previous = this.#byCluster.get(session.cluster);
    this.#byCluster.set(session.cluster, session);
    return previous;
  }

  /** Forgets `session` if it is still current; returns whether it was. */
  remove(session: TunnelSession): boolean {
    if (this.#byCluster.get(session.cluster) !== session) return false;
    return this.#byCluster.delete(session.cluster);
  }

  get(cluster: string): TunnelSession | undefined {
    return this.#byCluster.get(cluster);
  }

  all(): TunnelSession[] {
    return [...this.#byCluster.values()];
  }

  get size(): number {
    return this.#byCluster.size;
  }
}
