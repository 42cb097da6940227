// Sends one admitted request down its cluster's tunnel as an HTTP/2 stream and streams the answer
// back. Bodies flow both ways without buffering; a dropped tunnel ends the response, never hangs it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { constants, type ClientHttp2Stream } from 'node:http2';
import { FlotillaError, tunnelPaths } from '@flotilla/protocol';
import type { AdmittedRequest } from './proxy-gate.ts';
import type { ProxyOutcome } from './proxy-audit.ts';
import { clientResponseHeaders, tunnelRequestHeaders } from './proxy-headers.ts';
import { failProxied } from './proxy-failure.ts';
import { relayHoldingLast } from './proxy-relay.ts';

/** How long the agent has to start answering (watches answer at once, then stream). */
const responseHeadersTimeoutMs = 30_000;

// Node closes the request side of GET, HEAD and DELETE streams unless told otherwise, but
// kubectl sends DeleteOptions in DELETE bodies: decide by the body, not the method.
function hasBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return (
    request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
  );
}

function openStream(admitted: AdmittedRequest, request: IncomingMessage): ClientHttp2Stream {
  const headers = tunnelRequestHeaders(request.headers, admitted.identity);
  const path = `${tunnelPaths.kubernetesPrefix}${admitted.target.path}`;
  try {
    const options = { endStream: !hasBody(request) };
    return admitted.session.channel.request(
      { ...headers, ':method': request.method ?? 'GET', ':path': path },
      options,
    );
  } catch (error) {
    throw new FlotillaError(
      'cluster_unavailable',
      `the tunnel to cluster ${admitted.target.cluster} is closing`,
      { cause: error, details: { cluster: admitted.target.cluster } },
    );
  }
}

function tunnelFailed(cluster: string, why: string): FlotillaError {
  return new FlotillaError(
    'cluster_unavailable',
    `the tunnel to cluster ${cluster} failed: ${why}`,
    { details: { cluster } },
  );
}

/**
 * Proxies the request; `onDone` is called once, when the exchange is over either way. With
 * `isUrgent` (mutations) the client's last chunk waits until `onDone`'s promise resolves.
 */
export function forwardRequest(
  admitted: AdmittedRequest,
  request: IncomingMessage,
  response: ServerResponse,
  exchange: { onDone: (outcome: ProxyOutcome) => Promise<void>; isUrgent: boolean },
): void {
  const started = performance.now();
  const cluster = admitted.target.cluster;
  const stream = openStream(admitted, request);
  let bytes = 0;
  let outcome: Promise<void> | undefined;
  const done = () =>
    (outcome ??= exchange.onDone({
      status: response.statusCode,
      bytes,
      durationMs: performance.now() - started,
    }));
  const timer = setTimeout(() => {
    failProxied(
      response,
      new FlotillaError(
        'upstream_timeout',
        `cluster ${cluster} did not answer within ${responseHeadersTimeoutMs / 1000}s`,
        { details: { cluster } },
      ),
    );
    stream.close(constants.NGHTTP2_CANCEL);
  }, responseHeadersTimeoutMs);
  stream.on('response', (headers) => {
    clearTimeout(timer);
    response.writeHead(Number(headers[':status'] ?? 502), clientResponseHeaders(headers));
    // Send the headers now: an idle watch has no body yet, and its client waits for them.
    response.flushHeaders();
    // Count and pipe only now: a 'data' listener added earlier would start the flow before the
    // response exists, and the first chunks would be lost.
    stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
    if (exchange.isUrgent) relayHoldingLast(stream, response, done);
    else stream.pipe(response);
  });
  stream.on('error', (error: Error) => failProxied(response, tunnelFailed(cluster, error.message)));
  // A reset (agent gone, tunnel dropped) ends the response at once; a normal end lets the pipe
  // finish writing what is still buffered. A stream that closes before its body ended was cut
  // even when its code says NO_ERROR (an agent stopping as the request arrives closes it so).
  stream.on('close', () => {
    clearTimeout(timer);
    const isCut = stream.rstCode !== constants.NGHTTP2_NO_ERROR || !stream.readableEnded;
    if (isCut && !response.writableEnded)
      failProxied(response, tunnelFailed(cluster, 'stream reset'));
  });
  response.on('close', () => {
    if (!stream.closed) stream.close(constants.NGHTTP2_CANCEL);
    done().catch(() => undefined);
  });
  if (hasBody(request)) request.pipe(stream);
}
