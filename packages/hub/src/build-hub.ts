// Builds the hub (HTTP app, tunnel endpoint, store) without listening: tests inject requests,
// and only start-hub.ts binds a port.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { tunnelCloseCodes, tunnelPath } from '@flotilla/protocol';
import type { HubConfig } from './config.ts';
import type { Db } from './store/store.ts';
import { installErrorHandlers } from './http/errors.ts';
import { installHealth } from './http/health.ts';
import { createRegistry, installMetrics } from './http/metrics.ts';
import { installApi } from './http/api.ts';
import { installKubernetesProxy } from './k8s-proxy/proxy-route.ts';
import { installAgentApi } from './agent-api/agent-api-route.ts';
import { handleProxyUpgrade } from './k8s-proxy/proxy-upgrade.ts';
import { createProxyMetrics } from './k8s-proxy/proxy-metrics.ts';
import { createAuditWriter, type AuditWriter } from './audit/audit-writer.ts';
import { cachedClusterLookup } from './k8s-proxy/cluster-lookup.ts';
import type { ProxyDeps } from './k8s-proxy/proxy-gate.ts';
import { acceptTlsOnSamePort } from './http/same-port-tls.ts';
import type { TlsCredentials } from './http/tls-files.ts';
import {
  createAuthenticator,
  createCachingAuthenticator,
  type Authenticator,
} from './access/authenticate.ts';
import { oidcVerifierFrom } from './access/oidc-config.ts';
import { installDashboard } from './http/dashboard.ts';
import { SessionRegistry } from './tunnel/sessions.ts';
import { TunnelServer } from './tunnel/tunnel-server.ts';
import { createTunnelMetrics } from './tunnel/tunnel-metrics.ts';
import { tokenBucket } from './tunnel/admission-limiter.ts';

export interface HubDeps {
  readonly db: Db;
  readonly logger: Logger;
  readonly now?: () => Date;
  readonly random?: () => number;
  /** Certificate and key: HTTPS is then served on the same port as HTTP. */
  readonly tls?: TlsCredentials | undefined;
}

/** A built hub: its HTTP app, live sessions and metrics. */
export interface Hub {
  readonly app: FastifyInstance;
  readonly sessions: SessionRegistry;
  readonly registry: Registry;
  readonly db: Db;
  /** Resolves a request's bearer token to a subject for `can()` (REST routes and the proxy). */
  readonly authenticator: Authenticator;
  /** Audit rows of proxied requests, batched; stored before the store closes. */
  readonly audit: AuditWriter;
  /** Stops accepting, retires agent sessions, then closes the HTTP server and store. */
  close(): Promise<void>;
}

/** Assembles the hub from its config and dependencies. */
export async function buildHub(config: HubConfig, deps: HubDeps): Promise<Hub> {
  const now = deps.now ?? (() => new Date());
  const logger = deps.logger.child({ component: 'hub' });
  const fastifyLogger: FastifyBaseLogger = logger;
  const app: FastifyInstance = Fastify({
    loggerInstance: fastifyLogger,
    bodyLimit: config.bodyLimit,
    genReqId: () => randomUUID(),
  });
  const registry = createRegistry();
  const sessions = new SessionRegistry();
  const tunnel = new TunnelServer({
    db: deps.db,
    logger: logger.child({ subsystem: 'tunnel' }),
    sessions,
    metrics: createTunnelMetrics(registry, sessions),
    heartbeatIntervalMs: config.heartbeatInterval,
    now,
    random: deps.random ?? Math.random,
    limiter: tokenBucket(config.agentAdmissionRate, config.agentAdmissionRate * 5),
  });
  let isClosing = false;
  installErrorHandlers(app, config.dashboardDir !== '');
  installMetrics(app, registry);
  installHealth(app, () => Promise.resolve(!isClosing));
  const authentication = { db: deps.db, now, oidc: oidcVerifierFrom(config, now) };
  const authenticator = createAuthenticator(authentication);
  const disconnect = (cluster: string, reason: string) =>
    sessions.get(cluster)?.socket.close(tunnelCloseCodes.unauthenticated, reason);
  installApi(app, { db: deps.db, now, sessions, authenticator, disconnect });
  const audit = createAuditWriter(deps.db, logger.child({ subsystem: 'audit' }));
  const proxy: ProxyDeps = {
    db: deps.db,
    audit,
    clusters: cachedClusterLookup(deps.db),
    sessions,
    // kubectl and informers send many requests a second: the proxy reuses authentications
    // briefly (access/authentication-cache.ts); the REST API reads the store every time.
    authenticator: createCachingAuthenticator(authentication),
    now,
    logger: logger.child({ subsystem: 'k8s-proxy' }),
    metrics: createProxyMetrics(registry),
  };
  await installKubernetesProxy(app, proxy);
  installAgentApi(app, proxy);
  if (config.dashboardDir !== '') await installDashboard(app, config.dashboardDir);
  const secure = deps.tls === undefined ? undefined : acceptTlsOnSamePort(app.server, deps.tls);
  routeUpgrades(app, tunnel, proxy);
  const close = async () => {
    isClosing = true;
    await tunnel.close();
    // TLS connections were handed to the HTTPS server, which Fastify does not know to close.
    secure?.closeAllConnections();
    await app.close();
    // Every proxied request has ended by now (tunnels and connections are closed): store the
    // audit rows still batched before the store goes.
    await audit.close();
    await deps.db.destroy();
  };
  return { app, sessions, registry, db: deps.db, authenticator, audit, close };
}

/** Routes HTTP upgrades: agents to the tunnel server, exec/attach/port-forward to the proxy. */
function routeUpgrades(app: FastifyInstance, tunnel: TunnelServer, proxy: ProxyDeps): void {
  app.server.on('upgrade', (request, socket, head: Buffer) => {
    const path = request.url ?? '/';
    const handled = path.startsWith('/k8s/clusters/')
      ? handleProxyUpgrade(proxy, request, socket, head)
      : new URL(path, 'http://hub').pathname === tunnelPath
        ? tunnel.handleUpgrade(request, socket, head)
        : Promise.resolve(socket.destroy()).then(() => undefined);
    handled.catch((error: unknown) => {
      proxy.logger.error({ err: error }, 'upgrade failed');
      socket.destroy();
    });
  });
}
