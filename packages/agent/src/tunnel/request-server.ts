// The agent's end of the request channel: an HTTP/2 server over the tunnel's WebSocket. Each
// stream is one request from the hub, answered by the handler (Kubernetes, agent API, control).
import { createServer, type IncomingHttpHeaders, type ServerHttp2Stream } from 'node:http2';
import { createWebSocketStream, type WebSocket } from 'ws';
import type { Logger } from 'pino';

/** Answers one stream from the hub. */
export type StreamHandler = (stream: ServerHttp2Stream, headers: IncomingHttpHeaders) => void;

// Per-stream and per-connection flow-control windows: large enough that a 10 MB list is not
// throttled by round trips, small enough that a frozen reader holds little memory.
const streamWindowBytes = 4 * 1024 * 1024;
const sessionWindowBytes = 64 * 1024 * 1024;

/** Streams the hub may open at once; more are refused by HTTP/2 itself. */
const maxConcurrentStreams = 1000;

/** Serves the HTTP/2 connection the hub starts on `ws` after its welcome. */
export function serveRequestChannel(ws: WebSocket, handle: StreamHandler, logger: Logger): void {
  const server = createServer({
    settings: { maxConcurrentStreams, enablePush: false, initialWindowSize: streamWindowBytes },
  });
  server.on('session', (session) =>
    session.on('connect', () => session.setLocalWindowSize(sessionWindowBytes)),
  );
  server.on('stream', (stream, headers) => {
    stream.on('error', (error) => logger.debug({ err: error.message }, 'tunnel stream error'));
    handle(stream, headers);
  });
  server.on('sessionError', (error) =>
    logger.debug({ err: error.message }, 'tunnel session error'),
  );
  // When the tunnel drops, end every stream at once, so the connections they hold to the API
  // server (exec, watches) close too instead of lingering.
  server.on('session', (session) => ws.once('close', () => session.destroy()));
  const bytes = createWebSocketStream(ws);
  bytes.on('error', (error: Error) =>
    logger.debug({ err: error.message }, 'tunnel byte stream error'),
  );
  server.emit('connection', bytes);
}

/** Reads a stream's whole (small) body as text. */
export async function readBody(stream: ServerHttp2Stream, limit = 64 * 1024): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += (chunk as Buffer).toString();
    if (text.length > limit) throw new Error('control body too large');
  }
  return text;
}
