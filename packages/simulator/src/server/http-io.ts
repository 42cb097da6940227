// Reading request bodies and writing JSON and Status responses, never leaking a stack trace.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { failureStatus, KubeError } from '../api/status.ts';
import { sendEncoded } from './response-encoding.ts';

/** The API server's request body limit (3 MiB). */
export const maxBodyBytes = 3 * 1024 * 1024;

/** The whole body; 413 when it exceeds the limit. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBodyBytes) {
      throw new KubeError(
        413,
        'RequestEntityTooLarge',
        `Request entity too large: limit is ${maxBodyBytes}`,
      );
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Sends `body` as JSON with `status`, gzip-compressed when large and the client accepts it. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const headers = { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' };
  sendEncoded(res, status, headers, JSON.stringify(body));
}

/** Sends plain text, as the health endpoints do. */
export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Reports `error` as a Status; unexpected errors are logged and shown as a bare 500. */
export function sendError(res: ServerResponse, error: unknown, logger: Logger): void {
  const status =
    error instanceof KubeError
      ? error.status
      : failureStatus(
          500,
          'InternalError',
          'an error on the server ("unknown") has prevented the request from succeeding',
        );
  if (!(error instanceof KubeError)) logger.error({ err: error }, 'request failed');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, status.code, status);
}
