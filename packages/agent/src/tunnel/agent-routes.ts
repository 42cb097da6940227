// Routes the hub's streams: Kubernetes requests (plain or upgraded) to the local API server, and
// the agent's own API (used by the dashboard and right-sizing) to its handlers.
import type { IncomingHttpHeaders, ServerHttp2Stream } from 'node:http2';
import type { Logger } from 'pino';
import { tunnelPaths } from '@flotilla/protocol';
import type { KubeTarget } from '../kube/kube-target.ts';
import { failStream, forwardToKube } from '../kube/kube-forwarder.ts';
import { relayUpgrade } from '../kube/kube-upgrade.ts';
import type { StreamHandler } from './request-server.ts';

/** The agent API: what the hub may ask the agent itself, by path under `/agent`. */
export type AgentApi = (path: string) => Promise<unknown>;

function answerAgentApi(api: AgentApi, stream: ServerHttp2Stream, path: string): Promise<void> {
  return api(path).then((body) => {
    if (body === undefined) return failStream(stream, 404, `no agent endpoint ${path}`);
    stream.respond({ ':status': 200, 'content-type': 'application/json' });
    stream.end(JSON.stringify(body));
  });
}

function route(
  target: KubeTarget,
  api: AgentApi,
  stream: ServerHttp2Stream,
  headers: IncomingHttpHeaders,
  logger: Logger,
): Promise<void> {
  const path = String(headers[':path'] ?? '');
  if (headers[':method'] === 'CONNECT') return relayUpgrade(target, stream, headers, logger);
  if (path.startsWith(`${tunnelPaths.kubernetesPrefix}/`)) {
    return forwardToKube(
      target,
      stream,
      headers,
      path.slice(tunnelPaths.kubernetesPrefix.length),
      logger,
    );
  }
  if (path.startsWith(`${tunnelPaths.agentPrefix}/`))
    return answerAgentApi(api, stream, path.slice(tunnelPaths.agentPrefix.length));
  failStream(stream, 404, `no tunnel route for ${path}`);
  return Promise.resolve();
}

/** A stream handler serving Kubernetes through `target` and the agent API through `api`. */
export function agentRoutes(target: KubeTarget, api: AgentApi, logger: Logger): StreamHandler {
  return (stream, headers) => {
    route(target, api, stream, headers, logger).catch((error: unknown) => {
      logger.warn({ err: error }, 'tunnel request failed');
      failStream(stream, 502, 'the agent could not serve this request');
    });
  };
}
