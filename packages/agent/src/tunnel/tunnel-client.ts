// Keeps the agent's tunnel to the hub up: dial, hello, heartbeats, reconnect with jittered
// backoff, follow a hub's goaway, and give up (for the supervisor to restart us) past a limit.
import { EventEmitter } from 'node:events';
import type { IncomingHttpHeaders, ServerHttp2Stream } from 'node:http2';
import { WebSocket } from 'ws';
import type { Logger } from 'pino';
import {
  goAway,
  hubMessage,
  keepAlive,
  parseFrame,
  tunnelPath,
  tunnelPaths,
  type AgentHello,
  type HubMessage,
} from '@flotilla/protocol';
import type { Backoff } from './backoff.ts';
import { readBody, serveRequestChannel, type StreamHandler } from './request-server.ts';

export type TunnelState = 'idle' | 'connecting' | 'connected' | 'waiting' | 'stopped';

export interface TunnelClientOptions {
  readonly hubUrl: string;
  readonly heartbeatIntervalMs: number;
  readonly giveUpAfterMs: number;
  readonly backoff: Backoff;
  readonly logger: Logger;
  /** Read before every dial, so a rotated credential file is picked up. */
  readonly credential: () => Promise<string>;
  readonly hello: () => Promise<AgentHello>;
  /** Answers the hub's requests once the channel is up (control requests are handled here). */
  readonly handleStream: StreamHandler;
  readonly now?: () => number;
}

/** Emits `connected` (welcome), `disconnected` and `give-up`. */
export class TunnelClient extends EventEmitter {
  readonly #options: TunnelClientOptions;
  readonly #now: () => number;
  #state: TunnelState = 'idle';
  #socket: WebSocket | undefined;
  #retryTimer: NodeJS.Timeout | undefined;
  #downSince: number;
  #nextDelayMs: number | undefined;

  constructor(options: TunnelClientOptions) {
    super();
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#downSince = this.#now();
  }

  get state(): TunnelState {
    return this.#state;
  }

  /** Starts dialling; returns at once. */
  start(): void {
    if (this.#state === 'idle') this.#dial();
  }

  #dial(): void {
    this.#state = 'connecting';
    this.#open().catch((error: unknown) => {
      this.#options.logger.warn({ err: error }, 'tunnel dial failed');
      this.#scheduleRetry();
    });
  }

  async #open(): Promise<void> {
    const credential = await this.#options.credential();
    const hello = await this.#options.hello();
    if (this.#state === 'stopped') return;
    const url = tunnelUrl(this.#options.hubUrl);
    const socket = new WebSocket(url, {
      headers: { authorization: `Bearer ${credential}` },
      handshakeTimeout: 10_000,
      // Compressing what is mostly TLS-bound JSON costs more CPU than the bytes it saves.
      perMessageDeflate: false,
      ...(url.startsWith('wss:') ? { generateMask: zeroMask } : {}),
    });
    this.#socket = socket;
    socket.on('open', () => socket.send(JSON.stringify(hello)));
    const onWelcome = (data: unknown, isBinary: boolean) => {
      socket.off('message', onWelcome);
      const message = isBinary ? undefined : parseFrame(hubMessage, (data as Buffer).toString());
      if (message?.type !== 'welcome') return socket.close(4400, 'expected welcome');
      this.#onWelcome(socket, message);
    };
    socket.on('message', onWelcome);
    socket.on('error', (error) =>
      this.#options.logger.warn({ err: error.message }, 'tunnel error'),
    );
    socket.on('close', (code, reason) => this.#onClose(socket, code, reason.toString()));
    keepAlive(socket, this.#options.heartbeatIntervalMs, () => undefined);
  }

  // After the welcome, every frame belongs to the HTTP/2 channel the hub opens.
  #onWelcome(socket: WebSocket, welcome: Extract<HubMessage, { type: 'welcome' }>): void {
    // A welcome already in flight when stop() was called must not bring the client back.
    if (this.#state === 'stopped') return;
    serveRequestChannel(
      socket,
      (stream, headers) => this.#route(stream, headers),
      this.#options.logger,
    );
    this.#state = 'connected';
    this.#options.backoff.reset();
    this.#options.logger.info({ session: welcome.sessionId }, 'tunnel connected');
    this.emit('connected', welcome);
  }

  #route(stream: ServerHttp2Stream, headers: IncomingHttpHeaders): void {
    if (headers[':path'] !== tunnelPaths.goAway) return this.#options.handleStream(stream, headers);
    this.#onGoAway(stream).catch(() => stream.close());
  }

  async #onGoAway(stream: ServerHttp2Stream): Promise<void> {
    const message = parseFrame(goAway, await readBody(stream));
    if (message !== undefined) {
      this.#nextDelayMs = message.reconnectAfterMs;
      this.#options.logger.info(
        { reason: message.reason, reconnectAfterMs: message.reconnectAfterMs },
        'hub asked us to reconnect',
      );
    }
    stream.respond({ ':status': message === undefined ? 400 : 204 }, { endStream: true });
  }

  #onClose(socket: WebSocket, code: number, reason: string): void {
    if (this.#socket !== socket) return;
    this.#socket = undefined;
    if (this.#state === 'connected') {
      this.#downSince = this.#now();
      this.emit('disconnected', { code, reason });
    }
    this.#options.logger.info({ code, reason }, 'tunnel closed');
    if (this.#state !== 'stopped') this.#scheduleRetry();
  }

  #scheduleRetry(): void {
    // A dial that fails after stop() (its hello read the API server as it went away) ends here.
    if (this.#state === 'stopped') return;
    if (this.#now() - this.#downSince > this.#options.giveUpAfterMs) {
      this.#state = 'stopped';
      this.emit('give-up');
      return;
    }
    const delay = this.#nextDelayMs ?? this.#options.backoff.next();
    this.#nextDelayMs = undefined;
    this.#state = 'waiting';
    this.#retryTimer = setTimeout(() => this.#dial(), delay);
  }

  /** Closes the tunnel and stops reconnecting. */
  async stop(): Promise<void> {
    this.#state = 'stopped';
    clearTimeout(this.#retryTimer);
    const socket = this.#socket;
    if (socket === undefined || socket.readyState === WebSocket.CLOSED) return;
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.close(1000, 'agent stopping');
    const timer = setTimeout(() => socket.terminate(), 2000);
    await closed;
    clearTimeout(timer);
  }
}

/** `https://hub.example` → `wss://hub.example/api/v1/tunnel`. */
export function tunnelUrl(hubUrl: string): string {
  const url = new URL(tunnelPath, hubUrl.endsWith('/') ? hubUrl : `${hubUrl}/`);
  url.protocol = url.protocol.replace(/^http/, 'ws');
  return url.toString();
}

/**
 * Masking (RFC 6455 §5.3) keeps script-chosen bytes from confusing proxies that read the
 * stream; inside TLS no intermediary reads it, and an all-zero key lets `ws` skip copying and
 * XOR-ing every byte at both ends, which was half the tunnel's own CPU per byte (52 → 26 ms per
 * 10 MB). Plain ws:// (tests, demos) stays masked.
 */
function zeroMask(mask: Buffer): void {
  mask.fill(0);
}
