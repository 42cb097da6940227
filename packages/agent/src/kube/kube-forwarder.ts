// Answers a tunnelled Kubernetes request by calling the local API server as the agent's service
// account, impersonating the hub user. Bodies stream both ways; nothing is buffered whole.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { constants, type IncomingHttpHeaders, type ServerHttp2Stream } from 'node:http2';
import type { Logger } from 'pino';
import { kubernetesStatus } from '@flotilla/protocol';
import type { KubeTarget } from './kube-target.ts';
import { downstreamResponseHeaders, upstreamRequestHeaders } from './forward-headers.ts';

/** Forwards `stream` (path already stripped of the tunnel prefix) to the API server. */
export async function forwardToKube(
  target: KubeTarget,
  stream: ServerHttp2Stream,
  headers: IncomingHttpHeaders,
  path: string,
  logger: Logger,
): Promise<void> {
  const access = await target.access();
  const send = target.server.protocol === 'https:' ? httpsRequest : httpRequest;
  const upstream = send(new URL(path, target.server), {
    ...access.tls,
    method: String(headers[':method'] ?? 'GET'),
    headers: { ...upstreamRequestHeaders(headers), ...access.headers },
  });
  upstream.on('response', (response) => relayResponse(stream, response));
  upstream.on('error', (error) => {
    logger.warn({ err: error.message, path }, 'API server request failed');
    failStream(stream, 502, `the cluster's API server did not answer: ${error.message}`);
  });
  stream.on('close', () => upstream.destroy());
  stream.pipe(upstream);
}

function relayResponse(stream: ServerHttp2Stream, response: IncomingMessage): void {
  if (stream.destroyed) return void response.destroy();
  stream.respond({
    ':status': response.statusCode ?? 502,
    ...downstreamResponseHeaders(response.headers),
  });
  response.pipe(stream);
  response.on('error', () => stream.close(constants.NGHTTP2_INTERNAL_ERROR));
}

/** Answers with a Kubernetes Status, or resets the stream if the answer already began. */
export function failStream(stream: ServerHttp2Stream, code: number, message: string): void {
  if (stream.destroyed) return;
  if (stream.headersSent) return void stream.close(constants.NGHTTP2_INTERNAL_ERROR);
  stream.respond({ ':status': code, 'content-type': 'application/json' });
  stream.end(JSON.stringify(kubernetesStatus(code, message)));
}
