// Lets an HTTP upgrade request (exec, attach, port-forward) run through the normal request path: authentication, authorization, routing and errors.
import { ServerResponse } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';

const upgrades = new WeakMap<IncomingMessage, { socket: Duplex; head: Buffer }>();

/**
 * A response bound to the upgrade's socket, so failures before the upgrade (401, 403, 404) are
 * written as ordinary HTTP answers; the runtime takes the socket back with `upgradeOf`.
 */
export function responseForUpgrade(
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
): ServerResponse {
  upgrades.set(req, { socket, head });
  const res = new ServerResponse(req);
  res.shouldKeepAlive = false;
  res.assignSocket(socket as Socket);
  res.on('finish', () => socket.end());
  return res;
}

/** The socket and first bytes of an upgrade request, or undefined for a plain request. */
export function upgradeOf(req: IncomingMessage): { socket: Duplex; head: Buffer } | undefined {
  return upgrades.get(req);
}
