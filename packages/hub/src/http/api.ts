// Mounts the REST API under /api/v1: every route module, and the OpenAPI document built from them.
import type { FastifyInstance } from 'fastify';
import { apiPrefix } from '@flotilla/protocol';
import { installRoute, type ApiRoute } from './api-route.ts';
import { auditRoutes } from './audit-routes.ts';
import { clusterRoutes } from './clusters-routes.ts';
import { joinTokenRoutes } from './join-token-routes.ts';
import { openApiDocument } from './openapi.ts';
import { roleBindingRoutes } from './role-binding-routes.ts';
import type { RouteDeps } from './route-deps.ts';
import { userRoutes } from './user-routes.ts';

/** Every authenticated REST route (the security tests iterate over this list). */
export function apiRoutes(deps: RouteDeps): ApiRoute[] {
  return [
    ...clusterRoutes(deps),
    ...joinTokenRoutes(deps),
    ...userRoutes(deps),
    ...roleBindingRoutes(deps),
    ...auditRoutes(deps),
  ];
}

/** Installs the REST API and `GET /api/v1/openapi.json` (public: it holds no data). */
export function installApi(app: FastifyInstance, deps: RouteDeps): ApiRoute[] {
  const routes = apiRoutes(deps);
  for (const route of routes) installRoute(app, apiPrefix, deps.authenticator, route);
  const document = openApiDocument(apiPrefix, routes);
  app.get(`${apiPrefix}/openapi.json`, () => document);
  return routes;
}
