// The `scale` subresource (autoscaling/v1 Scale) over a workload's spec.replicas, as `kubectl scale` uses it.
import { selectorFromLabels } from './label-selector.ts';
import { mergePatch, jsonPatch, patchTypes } from './patch.ts';
import type { Registry } from './registry.ts';
import type { ResourceRequest } from './request-info.ts';
import { badRequest, conflict, staleObjectMessage } from './status.ts';
import { strategicMerge } from './strategic-merge.ts';
import { numberAt, recordAt } from './table/json-path.ts';
import { isRecord } from './types.ts';
import type { StoredObject } from './types.ts';

/** The Scale view of a workload. */
export function scaleOf(workload: StoredObject): Record<string, unknown> {
  const { name, namespace, uid, resourceVersion, creationTimestamp } = workload.metadata;
  const matchLabels = recordAt(workload, 'spec.selector.matchLabels') as Record<string, string>;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: numberAt(workload, 'spec.replicas', 1) },
    status: {
      replicas: numberAt(workload, 'status.replicas'),
      selector: selectorFromLabels(matchLabels),
    },
  };
}

function patchedScale(scale: unknown, contentType: string, patch: unknown): unknown {
  const mediaType = contentType.split(';')[0]?.trim();
  if (mediaType === patchTypes.json) return jsonPatch(scale, patch);
  if (mediaType === patchTypes.strategic) return strategicMerge(scale, patch);
  return mergePatch(scale, patch);
}

/** Writes a new Scale (from PUT, or PATCH when `contentType` is a patch type) and returns the result. */
export function updateScale(
  registry: Registry,
  request: ResourceRequest,
  name: string,
  body: { method: string; contentType: string; value: unknown },
): Record<string, unknown> {
  const { type, namespace } = request;
  const workload = registry.get(type, namespace, name);
  const current = scaleOf(workload);
  const next =
    body.method === 'PATCH' ? patchedScale(current, body.contentType, body.value) : body.value;
  if (!isRecord(next))
    throw badRequest('the object provided is unrecognized (must be of type Scale)');
  const version = recordAt(next, 'metadata')['resourceVersion'];
  if (version && version !== workload.metadata.resourceVersion)
    throw conflict(type, name, staleObjectMessage);
  const replicas = numberAt(next, 'spec.replicas', -1);
  if (!Number.isInteger(replicas) || replicas < 0)
    throw badRequest('spec.replicas: Invalid value: must be greater than or equal to 0');
  const spec = { ...recordAt(workload, 'spec'), replicas };
  return scaleOf(registry.update(type, namespace, name, { ...workload, spec }));
}
