// Authentication, impersonation and authorization of one request, in kube-apiserver's order.
import type { IncomingMessage } from 'node:http';
import { unauthorized } from '../api/status.ts';
import { forbidden } from '../auth/forbidden.ts';
import type { Identities } from '../auth/identities.ts';
import { impersonatedUser } from '../auth/impersonation.ts';
import { authorize } from '../auth/rbac-authorizer.ts';
import { requestAttributes } from '../auth/request-attributes.ts';
import { anonymousUser } from '../auth/user.ts';
import type { UserInfo } from '../auth/user.ts';
import type { ObjectStore } from '../store/object-store.ts';

/** Paths anonymous callers may reach at all; RBAC (system:public-info-viewer) then decides. */
const publicPaths = new Set(['/healthz', '/livez', '/readyz', '/version']);

function bearerOf(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? (match[1] ?? '') : '';
}

/** The caller's identity; 401 for a bad token, or for no token outside the public paths. */
export function authenticate(
  req: IncomingMessage,
  pathname: string,
  identities: Identities,
): UserInfo {
  const given = bearerOf(req);
  if (given === undefined && publicPaths.has(pathname)) return anonymousUser;
  const user = given === undefined ? undefined : identities.lookup(given);
  if (!user) throw unauthorized();
  return user;
}

/** Authenticates, applies Impersonate-* headers and authorizes; returns who the request acts as. */
export function admitCaller(
  req: IncomingMessage,
  url: URL,
  deps: { identities: Identities; store: ObjectStore },
): UserInfo {
  const requester = authenticate(req, url.pathname, deps.identities);
  const user = impersonatedUser(deps.store, requester, req);
  const isUpgrade = (req.headers.upgrade ?? '') !== '';
  const attributes = requestAttributes(
    req.method ?? 'GET',
    url.pathname,
    url.searchParams,
    isUpgrade,
  );
  const decision = authorize(deps.store, user, attributes);
  if (!decision.isAllowed) throw forbidden(user.username, attributes, decision.reason);
  return user;
}
