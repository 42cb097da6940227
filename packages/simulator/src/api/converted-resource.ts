// Serves a resource version that is stored as another one: requests are converted in, replies converted out.
import type { ApiCall, ApiContext, Reply } from './api-call.ts';
import { bodyOf, ok } from './api-call.ts';
import { admittedWrite } from './admitted-write.ts';
import { deleteOptionsOf } from './delete-options.ts';
import { parseJson } from './object-body.ts';
import { omit } from './omit.ts';
import { jsonPatch, mergePatch, patchTypes } from './patch.ts';
import type { ResourceRequest } from './request-info.ts';
import { read } from './resource-read.ts';
import { groupVersion } from './resource-types.ts';
import { KubeError, methodNotAllowed } from './status.ts';
import { strategicMerge } from './strategic-merge.ts';
import { isRecord } from './types.ts';
import type { Conversion } from './versions/served-versions.ts';

type Json = Record<string, unknown>;

/** A reply body in the served version: objects and list items converted, anything else as is. */
function servedBody(request: ResourceRequest, conversion: Conversion, body: unknown): unknown {
  if (!isRecord(body)) return body;
  const { kind } = request.type;
  if (body['kind'] === kind) return conversion.fromStorage(body);
  if (body['kind'] !== `${kind}List` || !Array.isArray(body['items'])) return body;
  const items = body['items'].map((item: unknown) => {
    if (!isRecord(item)) return item;
    const hadTypeMeta = item['kind'] !== undefined;
    const converted = conversion.fromStorage({ ...item, kind });
    if (hadTypeMeta) return converted;
    return omit(converted, 'kind', 'apiVersion');
  });
  return { ...body, apiVersion: groupVersion(request.type), items };
}

function patched(current: Json, contentType: string, text: string, request: ResourceRequest) {
  const mediaType = contentType.split(';')[0]?.trim() ?? '';
  const patch = parseJson(text, request.type);
  if (mediaType === patchTypes.json) return jsonPatch(current, patch);
  if (mediaType === patchTypes.merge) return mergePatch(current, patch);
  if (mediaType === patchTypes.strategic) return strategicMerge(current, patch);
  const accepted = Object.values(patchTypes).join(', ');
  const message = `the body of the request was in an unknown format - accepted media types include: ${accepted}`;
  throw new KubeError(415, 'UnsupportedMediaType', message);
}

/** The request body, in the stored version. */
async function storedBody(call: ApiCall, request: ResourceRequest, conversion: Conversion) {
  const body = await bodyOf(call, request.type);
  if (!isRecord(body)) return body;
  return conversion.toStorage({ ...body, apiVersion: groupVersion(request.type) });
}

async function writeOne(
  context: ApiContext,
  call: ApiCall,
  request: ResourceRequest,
  conversion: Conversion,
): Promise<unknown> {
  const { registry } = context;
  const target = {
    type: conversion.storage,
    namespace: request.namespace,
    name: request.name ?? '',
  };
  const subresource = request.subresource === 'status' ? 'status' : undefined;
  const method = call.req.method ?? '';
  if (method === 'DELETE') {
    const options = deleteOptionsOf(call.query, (await call.readBody()).toString('utf8'));
    return registry.delete(target.type, target.namespace, target.name, options);
  }
  let next: unknown;
  if (method === 'PUT') next = await storedBody(call, request, conversion);
  else if (method === 'PATCH') {
    const current = conversion.fromStorage(
      registry.get(target.type, target.namespace, target.name),
    );
    const text = (await call.readBody()).toString('utf8');
    const result = patched(current, call.req.headers['content-type'] ?? '', text, request);
    next = isRecord(result) ? conversion.toStorage(result) : result;
  } else throw methodNotAllowed(method, request.type);
  return admittedWrite(call, (writer, outcome) =>
    registry.admitUpdate(target, next, subresource, writer, outcome),
  );
}

/** Serves `request` for a type kept in `conversion.storage`'s objects. */
export async function handleConverted(
  context: ApiContext,
  call: ApiCall,
  request: ResourceRequest,
  conversion: Conversion,
): Promise<Reply> {
  const isServed = request.subresource === undefined || request.subresource === 'status';
  if (!isServed)
    throw new KubeError(404, 'NotFound', 'the server could not find the requested resource');
  const method = call.req.method ?? '';
  if (method === 'GET') {
    const reply = read(context, call, request);
    if (reply === 'streamed') return reply;
    return ok(servedBody(request, conversion, reply.body), reply.status);
  }
  if (request.name !== undefined) {
    return ok(servedBody(request, conversion, await writeOne(context, call, request, conversion)));
  }
  if (method !== 'POST') throw methodNotAllowed(method, request.type);
  const body = await storedBody(call, request, conversion);
  const created = await admittedWrite(call, (writer, outcome) =>
    context.registry.admitCreate(conversion.storage, request.namespace, body, writer, outcome),
  );
  return ok(servedBody(request, conversion, created), 201);
}
