// Relays a response body from the tunnel to the client while holding back its last chunk until
// a commitment (the audit row of a mutation) is stored: the client never has the whole answer of
// a change the audit trail does not show.
import type { ServerResponse } from 'node:http';
import type { ClientHttp2Stream } from 'node:http2';

/**
 * Writes `stream`'s body to `response` with backpressure; at its end, awaits `beforeEnd` and then
 * sends the held chunk and ends. If `beforeEnd` fails, the response is cut instead.
 */
export function relayHoldingLast(
  stream: ClientHttp2Stream,
  response: ServerResponse,
  beforeEnd: () => Promise<void>,
): void {
  let held: Buffer | undefined;
  stream.on('data', (chunk: Buffer) => {
    if (held !== undefined && !response.write(held)) stream.pause();
    held = chunk;
  });
  response.on('drain', () => stream.resume());
  stream.once('end', () => {
    beforeEnd().then(
      () => response.end(held),
      () => response.destroy(),
    );
  });
}
