// Applies a PATCH request of any supported media type, then stores the result as an update would.
import type { AdmissionOutcome } from '../admission/admission.ts';
import type { WriteRequest } from '../admission/attributes.ts';
import { applyPatchType, serverSideApply } from './apply/server-side-apply.ts';
import { parseJson } from './object-body.ts';
import { jsonPatch, mergePatch, patchTypes } from './patch.ts';
import type { Registry } from './registry.ts';
import type { ResourceRequest } from './request-info.ts';
import { KubeError } from './status.ts';
import { strategicMerge } from './strategic-merge.ts';
import type { StoredObject } from './types.ts';

function unsupported(): KubeError {
  const accepted = [...Object.values(patchTypes), applyPatchType].join(', ');
  return new KubeError(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${accepted}`,
  );
}

function patched(current: StoredObject, mediaType: string, patch: unknown): unknown {
  switch (mediaType) {
    case patchTypes.json:
      return jsonPatch(current, patch);
    case patchTypes.merge:
      return mergePatch(current, patch);
    case patchTypes.strategic:
      return strategicMerge(current, patch);
    default:
      throw unsupported();
  }
}

/** Patches the addressed object through admission; a `resourceVersion` in the patch is a precondition. */
export async function applyPatch(
  registry: Registry,
  request: ResourceRequest,
  name: string,
  body: { contentType: string; text: string },
  admission: { writer: WriteRequest; outcome: AdmissionOutcome },
): Promise<StoredObject> {
  const mediaType = body.contentType.split(';')[0]?.trim() ?? '';
  if (mediaType === applyPatchType) {
    return serverSideApply(registry, request, name, body.text, admission);
  }
  if (!Object.values(patchTypes).some((type) => type === mediaType)) throw unsupported();
  const current = registry.get(request.type, request.namespace, name);
  const next = patched(current, mediaType, parseJson(body.text, request.type));
  const subresource = request.subresource === 'status' ? 'status' : undefined;
  const target = { type: request.type, namespace: request.namespace, name };
  return registry.admitUpdate(target, next, subresource, admission.writer, admission.outcome);
}
