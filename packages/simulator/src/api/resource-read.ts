// The read verbs: get (object or Table), list (List or Table) and watch.
import type { ApiCall, ApiContext, Reply } from './api-call.ts';
import { ok } from './api-call.ts';
import { omit } from './omit.ts';
import { listPage } from './list.ts';
import type { ResourceRequest } from './request-info.ts';
import { groupVersion } from './resource-types.ts';
import { scaleOf } from './scale.ts';
import { includeObjectOf, toTable, wantsTable } from './table/table.ts';
import type { StoredObject } from './types.ts';
import { serveWatch } from './watch.ts';

function withoutTypeMeta(object: StoredObject): Omit<StoredObject, 'kind' | 'apiVersion'> {
  return omit(object, 'kind', 'apiVersion');
}

function tableOptions(
  context: ApiContext,
  call: ApiCall,
  request: ResourceRequest,
  listMeta: Record<string, unknown>,
) {
  return {
    kind: request.type.kind,
    now: context.clock.now(),
    include: includeObjectOf(call.query),
    listMeta,
  };
}

function list(context: ApiContext, call: ApiCall, request: ResourceRequest): Reply {
  const page = listPage(context.registry.store, request.type, request.namespace, call.query);
  const listMeta = {
    resourceVersion: page.resourceVersion,
    ...(page.continue
      ? { continue: page.continue, remainingItemCount: page.remainingItemCount }
      : {}),
  };
  if (wantsTable(call.req.headers.accept))
    return ok(toTable(page.items, tableOptions(context, call, request, listMeta)));
  const { type } = request;
  const items = page.items.map(withoutTypeMeta);
  return ok({
    kind: `${type.kind}List`,
    apiVersion: groupVersion(type),
    metadata: listMeta,
    items,
  });
}

function getOne(context: ApiContext, call: ApiCall, request: ResourceRequest, name: string): Reply {
  const object = context.registry.get(request.type, request.namespace, name);
  if (request.subresource === 'scale') return ok(scaleOf(object));
  if (!wantsTable(call.req.headers.accept)) return ok(object);
  const listMeta = { resourceVersion: object.metadata.resourceVersion };
  return ok(toTable([object], tableOptions(context, call, request, listMeta)));
}

/** Serves a GET: one object, a list, or a watch stream. */
export function read(context: ApiContext, call: ApiCall, request: ResourceRequest): Reply {
  if (request.name !== undefined) return getOne(context, call, request, request.name);
  const isWatch = call.query.get('watch') === 'true' || call.query.get('watch') === '1';
  if (!isWatch) return list(context, call, request);
  const options = { query: call.query, asTable: wantsTable(call.req.headers.accept) };
  serveWatch(call.req, call.res, { ...context, store: context.registry.store }, request, options);
  return 'streamed';
}
