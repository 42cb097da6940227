// Relays an upgraded connection (exec, attach, port-forward: WebSocket or SPDY) byte for byte:
// the hub's CONNECT stream on one side, a fresh connection to the API server on the other, with
// the client's request re-issued as the agent's service account impersonating the hub user.
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { IncomingHttpHeaders, OutgoingHttpHeaders, ServerHttp2Stream } from 'node:http2';
import type { Logger } from 'pino';
import { tunnelHeaders } from '@flotilla/protocol';
import type { KubeAccess, KubeTarget } from './kube-target.ts';
import { upstreamRequestHeaders } from './forward-headers.ts';
import { failStream } from './kube-forwarder.ts';

function openSocket(target: KubeTarget, tls: KubeAccess['tls']): Socket {
  const port = Number(target.server.port || (target.server.protocol === 'https:' ? 443 : 80));
  const host = target.server.hostname;
  if (target.server.protocol !== 'https:') return netConnect(port, host);
  return tlsConnect({ host, port, ...tls, servername: /^[\d.]+$|:/.test(host) ? undefined : host });
}

function requestHead(
  method: string,
  path: string,
  host: string,
  headers: OutgoingHttpHeaders,
): string {
  const lines = [`${method} ${path} HTTP/1.1`, `Host: ${host}`];
  for (const [name, value] of Object.entries(headers)) {
    for (const one of [value].flat()) if (one !== undefined) lines.push(`${name}: ${String(one)}`);
  }
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** Answers a CONNECT stream from the hub by splicing it onto the API server. */
export async function relayUpgrade(
  target: KubeTarget,
  stream: ServerHttp2Stream,
  headers: IncomingHttpHeaders,
  logger: Logger,
): Promise<void> {
  const method = String(headers[tunnelHeaders.upgradeMethod] ?? 'GET');
  const path = String(headers[tunnelHeaders.upgradePath] ?? '');
  if (!path.startsWith('/')) return failStream(stream, 400, 'upgrade without a path');
  const access = await target.access();
  const upgrade = String(headers[tunnelHeaders.upgradeProtocol] ?? 'websocket');
  const outgoing = {
    ...upstreamRequestHeaders(headers),
    ...access.headers,
    connection: 'Upgrade',
    upgrade,
  };
  const socket = openSocket(target, access.tls);
  socket.once(target.server.protocol === 'https:' ? 'secureConnect' : 'connect', () => {
    socket.write(requestHead(method, path, target.server.host, outgoing));
    stream.respond({ ':status': 200 });
    socket.pipe(stream).on('error', () => socket.destroy());
    stream.pipe(socket);
  });
  socket.on('error', (error) => {
    logger.warn({ err: error.message, path }, 'upgrade to API server failed');
    failStream(stream, 502, `the cluster's API server did not answer: ${error.message}`);
  });
  stream.on('close', () => socket.destroy());
  socket.on('close', () => stream.close());
}
