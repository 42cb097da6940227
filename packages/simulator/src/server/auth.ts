// Bearer-token authentication of one simulated cluster.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { unauthorized } from '../api/status.ts';

/** Paths anonymous callers may read, as `system:public-info-viewer` allows on a real cluster. */
const publicPaths = new Set(['/healthz', '/livez', '/readyz', '/version']);

function bearerOf(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? (match[1] ?? '') : '';
}

function isSameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Throws 401 unless the request carries `token`; anonymous callers may read only public paths. */
export function authenticate(req: IncomingMessage, pathname: string, token: string): void {
  const given = bearerOf(req);
  if (given === undefined && publicPaths.has(pathname)) return;
  if (given === undefined || !isSameToken(given, token)) throw unauthorized();
}
