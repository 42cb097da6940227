// Dispatches a resource request to the verb it names: get, list, watch, create, update, patch, delete.
import { review } from '../auth/reviews.ts';
import { refuseSystemClassDelete } from '../kinds/priority-classes.ts';
import type { ApiCall, ApiContext, Reply } from './api-call.ts';
import { bodyOf, ok } from './api-call.ts';
import { admittedWrite } from './admitted-write.ts';
import { handleConverted } from './converted-resource.ts';
import { deleteOptionsOf } from './delete-options.ts';
import { evict } from './eviction.ts';
import { listPage } from './list.ts';
import { parseJson } from './object-body.ts';
import { applyPatch } from './patch-request.ts';
import type { ResourceRequest } from './request-info.ts';
import { read } from './resource-read.ts';
import { groupVersion } from './resource-types.ts';
import { updateScale } from './scale.ts';
import { KubeError, methodNotAllowed, noSuchResource } from './status.ts';
import { requestToken } from './token-request.ts';
import { conversionOf } from './versions/served-versions.ts';

export type { ApiCall, ApiContext, Reply } from './api-call.ts';

async function writeScale(
  context: ApiContext,
  call: ApiCall,
  request: ResourceRequest,
  name: string,
): Promise<Reply> {
  const method = call.req.method ?? '';
  if (method !== 'PUT' && method !== 'PATCH') throw methodNotAllowed(method, request.type);
  const value = parseJson((await call.readBody()).toString('utf8'), request.type);
  const contentType = call.req.headers['content-type'] ?? '';
  return ok(updateScale(context.registry, request, name, { method, contentType, value }));
}

async function write(
  context: ApiContext,
  call: ApiCall,
  request: ResourceRequest,
  name: string,
): Promise<Reply> {
  const { registry } = context;
  const { type, namespace } = request;
  if (request.subresource === 'scale') return writeScale(context, call, request, name);
  const subresource = request.subresource === 'status' ? 'status' : undefined;
  switch (call.req.method ?? '') {
    case 'PUT': {
      const body = await bodyOf(call, type);
      const target = { type, namespace, name };
      return ok(
        await admittedWrite(call, (writer, outcome) =>
          registry.admitUpdate(target, body, subresource, writer, outcome),
        ),
      );
    }
    case 'PATCH': {
      const text = (await call.readBody()).toString('utf8');
      const patch = { contentType: call.req.headers['content-type'] ?? '', text };
      return ok(
        await admittedWrite(call, (writer, outcome) =>
          applyPatch(registry, request, name, patch, { writer, outcome }),
        ),
      );
    }
    case 'DELETE': {
      refuseSystemClassDelete(type, name);
      const options = deleteOptionsOf(call.query, (await call.readBody()).toString('utf8'));
      const target = { type, namespace, name };
      return ok(
        await admittedWrite(call, (writer, outcome) =>
          registry.admitDelete(target, options, writer, outcome),
        ),
      );
    }
    default:
      throw methodNotAllowed(call.req.method ?? '', type);
  }
}

async function deleteCollection(
  context: ApiContext,
  call: ApiCall,
  request: ResourceRequest,
): Promise<Reply> {
  const { type, namespace } = request;
  const page = listPage(context.registry.store, type, namespace, call.query);
  const options = deleteOptionsOf(call.query, (await call.readBody()).toString('utf8'));
  // Each item is admitted and deleted on its own, as the API server does for a collection.
  const items = await admittedWrite(call, (writer, outcome) =>
    Promise.all(
      page.items.map((item) => {
        const target = { type, namespace: item.metadata.namespace, name: item.metadata.name };
        return context.registry.admitDelete(target, options, writer, outcome);
      }),
    ),
  );
  const metadata = { resourceVersion: String(context.registry.store.revision) };
  return ok({ kind: `${type.kind}List`, apiVersion: groupVersion(type), metadata, items });
}

async function collection(
  context: ApiContext,
  call: ApiCall,
  request: ResourceRequest,
): Promise<Reply> {
  const { type, namespace } = request;
  if (call.req.method === 'POST' && type.isVirtual) {
    const answer = review(
      context.registry.store,
      type,
      { user: call.user, namespace },
      await bodyOf(call, type),
    );
    return ok(answer, 201);
  }
  if (call.req.method === 'POST') {
    const body = await bodyOf(call, type);
    const created = await admittedWrite(call, (writer, outcome) =>
      context.registry.admitCreate(type, namespace, body, writer, outcome),
    );
    return ok(created, 201);
  }
  if (call.req.method === 'DELETE') return deleteCollection(context, call, request);
  throw methodNotAllowed(call.req.method ?? '', type);
}

function checkSubresource(request: ResourceRequest): void {
  const { subresource, type } = request;
  const isServed =
    subresource === undefined ||
    (subresource === 'status' && type.hasStatus) ||
    (subresource === 'scale' && type.hasScale);
  if (!isServed) throw noSuchResource();
}

/** The handler of a POST-only subresource (pods/eviction, serviceaccounts/token), if `request` names one. */
function createOnlySubresource(
  context: ApiContext,
  request: ResourceRequest,
): ((body: unknown) => unknown) | undefined {
  const { type, namespace, name, subresource } = request;
  if (name === undefined) return undefined;
  if (subresource === 'eviction' && type.kind === 'Pod')
    return (body) => evict(context, type, namespace, name, body);
  const { identities } = context;
  if (subresource === 'token' && type.kind === 'ServiceAccount' && identities)
    return (body) => requestToken({ ...context, identities }, type, namespace, name, body);
  return undefined;
}

/** Serves one resource request; throws `KubeError` for anything the API would refuse. */
export async function handleResource(
  context: ApiContext,
  call: ApiCall,
  request: ResourceRequest,
): Promise<Reply> {
  const conversion = conversionOf(request.type);
  if (conversion) return handleConverted(context, call, request, conversion);
  const created = createOnlySubresource(context, request);
  if (created) {
    if (call.req.method !== 'POST') throw methodNotAllowed(call.req.method ?? '', request.type);
    return ok(created(await bodyOf(call, request.type)), 201);
  }
  checkSubresource(request);
  if (request.type.isVirtual && call.req.method !== 'POST')
    throw methodNotAllowed(call.req.method ?? '', request.type);
  if (call.req.method === 'GET') return read(context, call, request);
  if (request.name === undefined) return collection(context, call, request);
  if (call.req.method === 'POST') {
    throw new KubeError(
      405,
      'MethodNotAllowed',
      'the server does not allow this method on the requested resource',
    );
  }
  return write(context, call, request, request.name);
}
