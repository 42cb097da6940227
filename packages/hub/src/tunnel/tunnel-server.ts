// Accepts agents on /api/v1/tunnel: authenticates the credential, checks the hello, keeps the
// session alive with pings and replaces a stale session when the same cluster reconnects.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from 'pino';
import {
  FlotillaError,
  agentHello,
  parseFrame,
  tunnelCloseCodes,
  keepAlive,
  type AgentHello,
  type Environment,
  type HubMessage,
} from '@flotilla/protocol';
import { bearerToken } from '../access/tokens.ts';
import { admissionOf, claimIdentity, type AgentAdmission } from '../clusters/agent-admission.ts';
import { findCluster, recordAgentHello, recordLastSeen } from '../clusters/registry.ts';
import type { Db } from '../store/store.ts';
import type { SessionRegistry, TunnelSession } from './sessions.ts';
import type { TunnelMetrics } from './tunnel-metrics.ts';
import { refuseUpgrade } from './upgrade.ts';
import type { AdmissionLimiter } from './admission-limiter.ts';
import { openRequestChannel, sendGoAway } from './request-channel.ts';

export interface TunnelDeps {
  readonly db: Db;
  readonly logger: Logger;
  readonly sessions: SessionRegistry;
  readonly metrics: TunnelMetrics;
  readonly heartbeatIntervalMs: number;
  readonly now: () => Date;
  /** Bounds how fast agents are admitted (a reconnect storm waits its turn). */
  readonly limiter: AdmissionLimiter;
  /** [0, 1); spreads agents' reconnects after a shutdown. */
  readonly random: () => number;
}

// Agents told to go away at shutdown wait up to this long, so a fleet does not return at once.
const maxShutdownSpreadMs = 5000;

const helloTimeoutMs = 10_000;
const maxControlFrameBytes = 64 * 1024;

/** The tunnel endpoint; `handleUpgrade` is wired to the HTTP server's upgrade event. */
export class TunnelServer {
  readonly #deps: TunnelDeps;
  // No permessage-deflate: compressing the tunnel's mostly TLS-bound JSON costs more CPU than the
  // bytes it saves (ws's default for servers too, stated so it stays off).
  readonly #wss = new WebSocketServer({
    noServer: true,
    maxPayload: maxControlFrameBytes,
    perMessageDeflate: false,
  });

  constructor(deps: TunnelDeps) {
    this.#deps = deps;
  }

  /** Authenticates and upgrades; answers 401 without opening a WebSocket when the credential is bad. */
  async handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    if (!this.#deps.limiter.tryAdmit()) {
      this.#deps.metrics.refused('rate_limited');
      const retryAfter = this.#deps.limiter.retryAfterSeconds();
      refuseUpgrade(
        socket,
        new FlotillaError(
          'rate_limited',
          `too many agents connecting; retry in ${String(retryAfter)}s`,
        ),
        { 'retry-after': String(retryAfter) },
      );
      return;
    }
    const admission = await this.#authenticate(request);
    if (admission === undefined) {
      this.#deps.metrics.refused('unauthenticated');
      refuseUpgrade(
        socket,
        new FlotillaError('unauthenticated', 'agent credential missing, unknown or revoked'),
      );
      return;
    }
    const source = request.socket.remoteAddress;
    this.#wss.handleUpgrade(request, socket, head, (ws) => this.#awaitHello(ws, admission, source));
  }

  /** A cluster credential, or a join token the hello will redeem. */
  async #authenticate(request: IncomingMessage): Promise<AgentAdmission | undefined> {
    const secret = bearerToken(request.headers.authorization);
    if (secret === undefined) return undefined;
    return admissionOf(this.#deps.db, secret, this.#deps.now());
  }

  #awaitHello(ws: WebSocket, admission: AgentAdmission, source: string | undefined): void {
    const cluster = admission.kind === 'credential' ? admission.cluster : '(joining)';
    const timer = setTimeout(
      () => this.#reject(ws, cluster, 'protocol_error', 'no hello'),
      helloTimeoutMs,
    );
    ws.once('message', (data, isBinary) => {
      clearTimeout(timer);
      const hello = isBinary ? undefined : parseFrame(agentHello, (data as Buffer).toString());
      if (hello === undefined)
        return this.#reject(ws, cluster, 'protocol_error', 'malformed hello');
      this.#claim(ws, admission, hello, source).catch((error: unknown) => {
        this.#deps.logger.error({ err: error, cluster }, 'admitting agent failed');
        ws.close(1011, 'internal error');
      });
    });
  }

  #reject(
    ws: WebSocket,
    cluster: string,
    reason: 'protocol_error' | 'forbidden',
    why: string,
  ): void {
    this.#deps.metrics.refused(reason);
    this.#deps.logger.warn({ cluster, reason: why }, 'agent refused');
    ws.close(
      reason === 'forbidden' ? tunnelCloseCodes.forbidden : tunnelCloseCodes.protocolError,
      why,
    );
  }

  /** Checks the hello against the admission (a join enrols the cluster), then admits. */
  async #claim(
    ws: WebSocket,
    admission: AgentAdmission,
    hello: AgentHello,
    source: string | undefined,
  ): Promise<void> {
    const { db, now } = this.#deps;
    const claim = await claimIdentity(db, admission, hello, source, now());
    if (!claim.isAccepted) return this.#reject(ws, hello.cluster, 'forbidden', claim.why);
    await this.#admit(ws, hello, claim.credential);
  }

  async #admit(ws: WebSocket, hello: AgentHello, credential?: string): Promise<void> {
    const { db, now, sessions, logger } = this.#deps;
    const row = await findCluster(db, hello.cluster);
    if (row === undefined || row.decommissioned_at !== null) {
      return this.#reject(ws, hello.cluster, 'forbidden', 'cluster is not registered');
    }
    await recordAgentHello(db, hello, now());
    const sessionId = randomUUID();
    // The welcome is the last text frame: after it the WebSocket carries the HTTP/2 channel.
    send(ws, {
      type: 'welcome',
      sessionId,
      heartbeatIntervalMs: this.#deps.heartbeatIntervalMs,
      environment: row.environment as Environment,
      ...(credential === undefined ? {} : { credential }),
    });
    const channel = openRequestChannel(ws, logger.child({ cluster: hello.cluster }));
    const session: TunnelSession = {
      id: sessionId,
      cluster: hello.cluster,
      socket: ws,
      channel,
      hello,
      connectedAt: now(),
      lastSeenAt: now(),
    };
    const replaced = sessions.add(session);
    if (replaced !== undefined) void this.#retire(replaced, 'replaced');
    keepAlive(ws, this.#deps.heartbeatIntervalMs, () => (session.lastSeenAt = now()));
    ws.on('close', () => this.#onClose(session));
    this.#deps.metrics.accepted();
    logger.info(
      { cluster: hello.cluster, session: session.id, replaced: replaced?.id },
      'agent connected',
    );
  }

  #onClose(session: TunnelSession): void {
    if (!this.#deps.sessions.remove(session)) return;
    this.#deps.logger.info({ cluster: session.cluster, session: session.id }, 'agent disconnected');
    recordLastSeen(this.#deps.db, session.cluster, this.#deps.now()).catch((error: unknown) => {
      this.#deps.logger.warn(
        { err: error, cluster: session.cluster },
        'could not record last seen',
      );
    });
  }

  /** Says goaway on the session's channel (waiting briefly for the agent to take it), then closes. */
  async #retire(session: TunnelSession, reason: 'replaced' | 'shutdown'): Promise<void> {
    const reconnectAfterMs =
      reason === 'shutdown' ? Math.floor(this.#deps.random() * maxShutdownSpreadMs) : 0;
    await sendGoAway(session.channel, { type: 'goaway', reason, reconnectAfterMs });
    const code = reason === 'replaced' ? tunnelCloseCodes.replaced : tunnelCloseCodes.shuttingDown;
    session.socket.close(code, reason);
  }

  /** Tells every agent the hub is going away, closes their sessions and the WebSocket server. */
  async close(): Promise<void> {
    await Promise.all(
      this.#deps.sessions.all().map((session) => this.#retire(session, 'shutdown')),
    );
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    for (const client of this.#wss.clients) client.terminate();
  }
}

function send(ws: WebSocket, message: HubMessage): void {
  ws.send(JSON.stringify(message));
}
