// The field manager of the API request being served, so storage can record who changed what.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';
import type { ResourceRequest } from '../request-info.ts';
import type { ResourceType } from '../resource-types.ts';

/** Who writes in one API request, and which object the request addresses. */
export interface WriteScope {
  readonly manager: string;
  /** The `fieldManager` query parameter, which apply requires. */
  readonly fieldManager?: string;
  readonly isApply: boolean;
  /** `force=true`: an apply takes over conflicting fields. */
  readonly isForce: boolean;
  readonly subresource?: string;
  readonly type: ResourceType;
  readonly name?: string;
  /** RFC 3339 time of the request, for managedFields entries. */
  readonly time: string;
  /** Set once the request's own object is stored: later writes (controllers) are not the caller's. */
  isUsed: boolean;
}

const storage = new AsyncLocalStorage<WriteScope>();

/** Runs `serve` with `scope` (when there is one) as the current request's writer. */
export function withWriteScope<T>(scope: WriteScope | undefined, serve: () => T): T {
  return scope ? storage.run(scope, serve) : serve();
}

/** The scope of the request being served, whatever it writes. */
export function currentScope(): WriteScope | undefined {
  return storage.getStore();
}

/**
 * The scope of the request that is writing the object `name` of `type`, if this write is that
 * request's own (not a controller's reaction running in the same async context).
 */
export function scopeFor(type: ResourceType, name: string): WriteScope | undefined {
  const scope = storage.getStore();
  if (!scope || scope.isUsed || scope.type !== type) return undefined;
  if (scope.name !== undefined && scope.name !== name) return undefined;
  return scope;
}

/** The manager named by the request: `fieldManager`, else the User-Agent's product name. */
export function managerOf(query: URLSearchParams, userAgent: string | undefined): string {
  const given = query.get('fieldManager');
  if (given) return given;
  const product = (userAgent ?? '').split('/')[0] ?? '';
  return product.slice(0, 128) || 'unknown';
}

/** The write scope of a POST, PUT or PATCH to `request`; undefined for reads and deletes. */
export function writeScopeOf(
  req: IncomingMessage,
  query: URLSearchParams,
  request: ResourceRequest,
  time: string,
): WriteScope | undefined {
  if (!['POST', 'PUT', 'PATCH'].includes(req.method ?? '')) return undefined;
  const fieldManager = query.get('fieldManager') ?? undefined;
  return {
    manager: managerOf(query, req.headers['user-agent']),
    ...(fieldManager ? { fieldManager } : {}),
    isApply: (req.headers['content-type'] ?? '').startsWith('application/apply-patch'),
    isForce: query.get('force') === 'true',
    ...(request.subresource ? { subresource: request.subresource } : {}),
    type: request.type,
    ...(request.name ? { name: request.name } : {}),
    time,
    isUsed: false,
  };
}
