// Upgrades exec, attach and port-forward requests to WebSocket with the subprotocol kubectl asked for.
import type { IncomingMessage } from 'node:http';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import type { ApiCall, Reply } from '../api/api-call.ts';
import { badRequest } from '../api/status.ts';
import { remoteCommandProtocols } from './channel-stream.ts';
import { upgradeOf } from './upgrade-response.ts';

/** The upgradeable pod subresources. */
export type StreamingSubresource = 'exec' | 'attach' | 'portforward';

/** Port-forward tunnels SPDY frames inside WebSocket messages (KEP-4006). */
export const portForwardProtocols = ['SPDY/3.1+portforward.k8s.io'] as const;

function offered(req: IncomingMessage): string[] {
  const header = req.headers['sec-websocket-protocol'] ?? '';
  return header
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

function chooseProtocol(req: IncomingMessage, kind: StreamingSubresource): string {
  const served: readonly string[] =
    kind === 'portforward' ? portForwardProtocols : remoteCommandProtocols;
  const chosen = served.find((protocol) => offered(req).includes(protocol));
  if (chosen) return chosen;
  throw badRequest(
    `unable to upgrade connection: none of the subprotocols ${served.join(', ')} was requested`,
  );
}

/**
 * The `ws` library accepts only RFC 7230 tokens as subprotocols, and `SPDY/3.1+portforward.k8s.io`
 * has a slash; the request carries this stand-in instead, and the answer names the real one.
 */
const tunnelStandIn = 'flotilla-spdy-tunnel';

/** A WebSocket server that answers with the protocol chosen before the upgrade. */
export function createUpgrader(): WebSocketServer {
  return new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    handleProtocols: (protocols: Set<string>) => {
      if (protocols.has(tunnelStandIn)) return portForwardProtocols[0];
      return remoteCommandProtocols.find((p) => protocols.has(p)) ?? false;
    },
  });
}

/** Upgrades the call's connection and hands the WebSocket to `session`; 400 for a plain request. */
export function upgradeToSession(
  server: WebSocketServer,
  call: ApiCall,
  kind: StreamingSubresource,
  session: (ws: WebSocket) => void,
): Reply {
  const upgrade = upgradeOf(call.req);
  if (!upgrade) throw badRequest('Upgrade request required');
  const protocol = chooseProtocol(call.req, kind);
  if (kind === 'portforward') call.req.headers['sec-websocket-protocol'] = tunnelStandIn;
  else call.req.headers['sec-websocket-protocol'] = protocol;
  server.handleUpgrade(call.req, upgrade.socket, upgrade.head, session);
  return 'streamed';
}
