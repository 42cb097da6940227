// The HTTP endpoint of one simulated cluster: authentication, routing, discovery and resources.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import {
  apiGroupDocument,
  apiGroupList,
  apiResourceList,
  apiVersions,
  versionInfo,
} from '../api/discovery.ts';
import {
  aggregatedDiscovery,
  sendAggregated,
  wantedDiscovery,
} from '../api/aggregated-discovery.ts';
import { withWriteScope, writeScopeOf } from '../api/apply/request-scope.ts';
import { checkFields } from '../api/openapi/field-validation.ts';
import { openApiV3 } from '../api/openapi/openapi-v3.ts';
import { handleResource } from '../api/resource-handler.ts';
import type { ApiContext, Reply } from '../api/api-call.ts';
import { routeOf } from '../api/request-info.ts';
import { noSuchResource } from '../api/status.ts';
import type { Identities } from '../auth/identities.ts';
import { timestamp } from '../clock.ts';
import type { UserInfo } from '../auth/user.ts';
import { admitCaller } from './auth.ts';
import { readBody, sendError, sendJson, sendText } from './http-io.ts';
import type { KeyPairPem } from './tls.ts';
import type { ClusterRuntime } from '../runtime/cluster-runtime.ts';
import { responseForUpgrade } from '../runtime/upgrade-response.ts';

/** Everything one cluster's endpoint serves from. */
export interface ClusterEndpoint extends ApiContext {
  readonly name: string;
  readonly identities: Identities;
  readonly kubernetesVersion: string;
  readonly logger: Logger;
  /** Pod logs, exec, attach and port-forward; without it those subresources are not served. */
  readonly runtime?: ClusterRuntime;
}

/** A listening cluster endpoint. */
export interface ListeningEndpoint {
  readonly url: string;
  close(): Promise<void>;
}

const healthPaths = new Set(['/healthz', '/livez', '/readyz']);

function discovery(endpoint: ClusterEndpoint, pathname: string, host: string): unknown {
  if (pathname === '/version') return versionInfo(endpoint);
  if (pathname === '/api') return apiVersions(host);
  if (pathname.startsWith('/openapi/v3')) {
    return openApiV3(pathname, endpoint.registry, endpoint.kubernetesVersion);
  }
  const types = endpoint.registry.types.all();
  if (pathname === '/apis') return apiGroupList(types);
  const route = routeOf(pathname, types);
  if (route.kind === 'group') return apiGroupDocument(route.group, types);
  if (route.kind === 'groupVersion') return apiResourceList(route.group, route.version, types);
  return undefined;
}

async function route(
  endpoint: ClusterEndpoint,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  user: UserInfo,
): Promise<Reply> {
  const aggregated = wantedDiscovery(req.headers.accept);
  if (aggregated && (url.pathname === '/api' || url.pathname === '/apis')) {
    const types = endpoint.registry.types.all();
    const body = aggregatedDiscovery(url.pathname === '/api', aggregated, types);
    sendAggregated(res, aggregated, body);
    return 'streamed';
  }
  const document = discovery(endpoint, url.pathname, url.host);
  if (document !== undefined) return { status: 200, body: document };
  const isApiPath = url.pathname.startsWith('/api/') || url.pathname.startsWith('/apis/');
  const found = isApiPath
    ? routeOf(url.pathname, endpoint.registry.types.all())
    : { kind: 'unknown' as const };
  if (found.kind !== 'resource') throw noSuchResource();
  const query = url.searchParams;
  const http = { req, res, query };
  const validated = async (): Promise<Buffer> =>
    checkFields(endpoint.registry, found.request, http, await readBody(req));
  const call = { req, res, user, query, readBody: validated };
  const served = endpoint.runtime?.serve(call, found.request);
  if (served) return served;
  const scope = writeScopeOf(req, query, found.request, timestamp(endpoint.clock));
  return withWriteScope(scope, () => handleResource(endpoint, call, found.request));
}

async function handle(
  endpoint: ClusterEndpoint,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const pathname = url.pathname.length > 1 ? url.pathname.replace(/\/$/, '') : url.pathname;
  try {
    url.pathname = pathname;
    const deps = { identities: endpoint.identities, store: endpoint.registry.store };
    const user = admitCaller(req, url, deps);
    if (healthPaths.has(pathname)) return sendText(res, 200, 'ok');
    const reply = await route(endpoint, req, res, url, user);
    if (reply !== 'streamed') sendJson(res, reply.status, reply.body);
  } catch (error) {
    sendError(res, error, endpoint.logger);
  }
}

/** Starts serving `endpoint` on `host` at a free port: HTTPS with `tls`, plain HTTP without. */
export async function listen(
  endpoint: ClusterEndpoint,
  host: string,
  tls?: KeyPairPem,
): Promise<ListeningEndpoint> {
  const handler = (req: IncomingMessage, res: ServerResponse): void =>
    void handle(endpoint, req, res);
  const server: Server = tls
    ? createTlsServer({ cert: tls.cert, key: tls.key }, handler)
    : createServer(handler);
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) =>
    handler(req, responseForUpgrade(req, socket, head)),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  endpoint.logger.info({ cluster: endpoint.name, url }, 'simulated cluster listening');
  return { url, close: () => closeServer(server) };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
