// The hub's end of the request channel: one HTTP/2 client session carried by the agent's
// WebSocket, so every proxied request is its own stream with its own flow-control window.
import { connect, type ClientHttp2Session } from 'node:http2';
import { tunnelPaths, type HubMessage } from '@flotilla/protocol';
import type { Duplex } from 'node:stream';
import { createWebSocketStream, type WebSocket } from 'ws';
import type { Logger } from 'pino';

/** Flow-control windows of the tunnel's HTTP/2 connection (defaults are 64 KiB, too small here). */
export const streamWindowBytes = 4 * 1024 * 1024;
const sessionWindowBytes = 64 * 1024 * 1024;

/** Streams one session may have open at once (watches included). */
export const maxStreamsPerSession = 1000;

/** Starts HTTP/2 over `ws`'s binary frames; call right after sending `welcome`. */
export function openRequestChannel(ws: WebSocket, logger: Logger): ClientHttp2Session {
  const bytes: Duplex = createWebSocketStream(ws);
  bytes.on('error', (error: Error) =>
    logger.debug({ err: error.message }, 'tunnel byte stream error'),
  );
  const session = connect('http://agent.tunnel', {
    createConnection: () => bytes,
    peerMaxConcurrentStreams: maxStreamsPerSession,
    settings: { enablePush: false, initialWindowSize: streamWindowBytes },
  });
  // Each stream may have this much in flight before its reader must catch up; the connection as a
  // whole may have more, so one slow reader never stops the others and bulk lists keep moving.
  session.on('connect', () => session.setLocalWindowSize(sessionWindowBytes));
  session.on('error', (error: Error) =>
    logger.debug({ err: error.message }, 'tunnel HTTP/2 session error'),
  );
  ws.once('close', () => session.destroy());
  return session;
}

const goAwayTimeoutMs = 1000;

/** Sends a goaway as a control request; resolves when the agent answers or after a second. */
export function sendGoAway(
  session: ClientHttp2Session,
  message: Extract<HubMessage, { type: 'goaway' }>,
): Promise<void> {
  return new Promise((resolve) => {
    if (session.closed || session.destroyed) return resolve();
    const stream = session.request({
      ':method': 'POST',
      ':path': tunnelPaths.goAway,
      'content-type': 'application/json',
    });
    const timer = setTimeout(() => stream.close(), goAwayTimeoutMs);
    stream.on('error', () => undefined);
    stream.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
    stream.resume();
    stream.end(JSON.stringify(message));
  });
}
