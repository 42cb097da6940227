// The HTTP endpoint of one simulated cluster: authentication, routing, discovery and resources.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import {
  apiGroupDocument,
  apiGroupList,
  apiResourceList,
  apiVersions,
  versionInfo,
} from '../api/discovery.ts';
import { handleResource } from '../api/resource-handler.ts';
import type { ApiContext, Reply } from '../api/api-call.ts';
import { routeOf } from '../api/request-info.ts';
import { noSuchResource } from '../api/status.ts';
import { authenticate } from './auth.ts';
import { readBody, sendError, sendJson, sendText } from './http-io.ts';
import type { KeyPairPem } from './tls.ts';

/** Everything one cluster's endpoint serves from. */
export interface ClusterEndpoint extends ApiContext {
  readonly name: string;
  readonly token: string;
  readonly kubernetesVersion: string;
  readonly logger: Logger;
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
  if (pathname === '/apis') return apiGroupList();
  const route = routeOf(pathname);
  if (route.kind === 'group') return apiGroupDocument(route.group);
  if (route.kind === 'groupVersion') return apiResourceList(route.group, route.version);
  return undefined;
}

async function route(
  endpoint: ClusterEndpoint,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<Reply> {
  const document = discovery(endpoint, url.pathname, url.host);
  if (document !== undefined) return { status: 200, body: document };
  const isApiPath = url.pathname.startsWith('/api/') || url.pathname.startsWith('/apis/');
  const found = isApiPath ? routeOf(url.pathname) : { kind: 'unknown' as const };
  if (found.kind !== 'resource') throw noSuchResource();
  const call = { req, res, query: url.searchParams, readBody: () => readBody(req) };
  return handleResource(endpoint, call, found.request);
}

async function handle(
  endpoint: ClusterEndpoint,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const pathname = url.pathname.length > 1 ? url.pathname.replace(/\/$/, '') : url.pathname;
  try {
    authenticate(req, pathname, endpoint.token);
    if (healthPaths.has(pathname)) return sendText(res, 200, 'ok');
    url.pathname = pathname;
    const reply = await route(endpoint, req, res, url);
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
