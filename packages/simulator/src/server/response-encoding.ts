// Gzip for large responses, as kube-apiserver compresses them (APIResponseCompression, on by
// default): kubectl and client-go ask for gzip, so a big list travels compressed, and a proxy in
// front of the API server (the hub's tunnel) carries the compressed bytes.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { constants, createGzip } from 'node:zlib';

/** Bodies up to this size go out as they are; the API server's `defaultGzipThresholdBytes`. */
export const gzipThresholdBytes = 128 * 1024;

/** Compressed output is handed to the socket in pieces of this size, not zlib's 16 KiB. */
const gzipChunkBytes = 64 * 1024;

/**
 * Whether the client accepts gzip. Like the API server, only a bare `gzip` token counts
 * (`gzip;q=…` does not).
 */
export function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers['accept-encoding'] ?? '';
  return header.split(',').some((token) => token.trim() === 'gzip');
}

/**
 * Writes `text` with `status` and `headers`: gzip-compressed (level 1, as the API server uses)
 * when it is larger than the threshold and the client asked for gzip, as it is otherwise.
 */
export function sendEncoded(
  res: ServerResponse,
  status: number,
  headers: OutgoingHttpHeaders,
  text: string,
): void {
  const size = Buffer.byteLength(text);
  if (size <= gzipThresholdBytes || !acceptsGzip(res.req)) {
    res.writeHead(status, { ...headers, 'Content-Length': size });
    res.end(text);
    return;
  }
  const vary = [headers.Vary, 'Accept-Encoding'].filter((value) => value !== undefined).join(', ');
  res.writeHead(status, { ...headers, 'Content-Encoding': 'gzip', Vary: vary });
  const gzip = createGzip({ level: constants.Z_BEST_SPEED, chunkSize: gzipChunkBytes });
  gzip.on('error', () => res.destroy());
  res.on('close', () => gzip.destroy());
  gzip.pipe(res);
  gzip.end(text);
}
