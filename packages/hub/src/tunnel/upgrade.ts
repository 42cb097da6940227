// Refusing a WebSocket upgrade with a proper HTTP answer, before any WebSocket exists.
import type { Duplex } from 'node:stream';
import type { FlotillaError } from '@flotilla/protocol';
import { errorCodes, toErrorBody } from '@flotilla/protocol';

/** Writes a JSON error response on the raw socket and closes it. */
export function refuseUpgrade(
  socket: Duplex,
  error: FlotillaError,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify(toErrorBody(error));
  const status = errorCodes[error.code].status;
  socket.end(
    `HTTP/1.1 ${status} ${error.code}\r\n` +
      'Content-Type: application/json\r\n' +
      Object.entries(headers)
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('') +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}
