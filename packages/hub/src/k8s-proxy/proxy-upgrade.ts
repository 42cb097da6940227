// Upgraded requests through the hub (kubectl exec, attach, port-forward over WebSocket or SPDY):
// after the same gate as any request, the client's connection is spliced onto a CONNECT stream
// that the agent splices onto its API server, so the protocols pass through untouched.
import type { IncomingMessage } from 'node:http';
import type { ClientHttp2Stream } from 'node:http2';
import type { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { FlotillaError, tunnelHeaders } from '@flotilla/protocol';
import { statusResponse } from './proxy-failure.ts';
import { admitRequest, type AdmittedRequest, type ProxyDeps } from './proxy-gate.ts';
import { tunnelRequestHeaders } from './proxy-headers.ts';
import { auditProxied } from './proxy-audit.ts';

// Before the upgrade there is no ServerResponse, only the socket: write the Status by hand.
function refuse(socket: Duplex, error: unknown): void {
  const { code, body } = statusResponse(error);
  const reason = error instanceof FlotillaError ? error.code : 'internal';
  const head = `HTTP/1.1 ${String(code)} ${reason}\r\ncontent-type: application/json\r\ncontent-length: ${String(Buffer.byteLength(body))}\r\nconnection: close\r\n\r\n`;
  socket.end(head + body);
}

function openConnect(admitted: AdmittedRequest, request: IncomingMessage): ClientHttp2Stream {
  return admitted.session.channel.request({
    ...tunnelRequestHeaders(request.headers, admitted.identity),
    ':method': 'CONNECT',
    ':authority': 'kubernetes',
    [tunnelHeaders.upgradeMethod]: request.method ?? 'GET',
    [tunnelHeaders.upgradePath]: admitted.target.path,
    [tunnelHeaders.upgradeProtocol]: request.headers.upgrade ?? 'websocket',
  });
}

/** The commands of an exec, as kubectl sends them (`?command=sh&command=-c&…`). */
function commandOf(admitted: AdmittedRequest): string[] {
  return new URL(admitted.target.path, 'http://cluster').searchParams.getAll('command');
}

function splice(
  client: Duplex,
  head: Buffer,
  stream: ClientHttp2Stream,
  onEnd: (bytes: number) => void,
): void {
  let bytes = 0;
  stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
  if (head.length > 0) stream.write(head);
  client.pipe(stream);
  stream.pipe(client);
  const end = () => {
    client.destroy();
    if (!stream.closed) stream.close();
  };
  client.on('close', end);
  stream.on('close', end);
  stream.once('close', () => onEnd(bytes));
  client.on('error', () => undefined);
  stream.on('error', () => undefined);
}

/** Handles an HTTP upgrade under `/k8s/clusters/…`. */
export async function handleProxyUpgrade(
  deps: ProxyDeps,
  request: IncomingMessage,
  socket: Duplex,
  head: Buffer,
): Promise<void> {
  let admitted: AdmittedRequest;
  try {
    admitted = await admitRequest(
      deps,
      request.method ?? 'GET',
      request.url ?? '/',
      request.headers.authorization,
    );
  } catch (error) {
    return refuse(socket, error);
  }
  const meta = { requestId: randomUUID(), source: request.socket.remoteAddress };
  const command = commandOf(admitted);
  // The session starts only once its start is in the audit trail.
  try {
    await auditProxied(
      deps.audit,
      admitted,
      { phase: 'start', command },
      {
        ...meta,
        now: deps.now(),
      },
    );
  } catch (error) {
    return refuse(socket, error);
  }
  const started = performance.now();
  const release = deps.metrics.streamOpened(admitted.target.cluster);
  const stream = openConnect(admitted, request);
  splice(socket, head, stream, (bytes) => {
    release();
    const durationMs = performance.now() - started;
    auditProxied(
      deps.audit,
      admitted,
      { phase: 'end', command, bytes, durationMs },
      { ...meta, now: deps.now() },
    ).catch(() => undefined);
  });
}
