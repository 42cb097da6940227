// `pods/<name>/resize` as Kubernetes 1.33 serves it: only container cpu/memory may change; the kubelet applies what its node can hold.
import type { ApiCall, Reply } from '../api/api-call.ts';
import { ok } from '../api/api-call.ts';
import { parseJson } from '../api/object-body.ts';
import { jsonPatch, mergePatch, patchTypes } from '../api/patch.ts';
import type { ResourceRequest } from '../api/request-info.ts';
import { stableJson } from '../api/stable-json.ts';
import { invalid, KubeError, methodNotAllowed } from '../api/status.ts';
import { strategicMerge } from '../api/strategic-merge.ts';
import { arrayAt, recordAt, stringAt } from '../api/table/json-path.ts';
import type { StoredObject } from '../api/types.ts';
import { timestamp } from '../clock.ts';
import { podType } from '../controllers/kinds.ts';
import { qosClass } from '../kinds/pod-spec.ts';
import { resizeFit } from './resize-fit.ts';
import type { ResizeFit } from './resize-fit.ts';
import type { RuntimeDeps } from './runtime-deps.ts';

const resizeConditions = new Set(['PodResizePending', 'PodResizeInProgress']);

function patched(current: StoredObject, contentType: string, text: string): unknown {
  const body = parseJson(text, podType);
  switch (contentType.split(';')[0]?.trim() ?? '') {
    case patchTypes.json:
      return jsonPatch(current, body);
    case patchTypes.merge:
      return mergePatch(current, body);
    case patchTypes.strategic:
      return strategicMerge(current, body);
    default:
      throw new KubeError(
        415,
        'UnsupportedMediaType',
        `the body of the request was in an unknown format`,
      );
  }
}

/** Refuses anything but container resources changing, and a change of QoS class. */
function checkResize(current: StoredObject, next: StoredObject): void {
  const name = current.metadata.name;
  const strip = (pod: StoredObject) =>
    arrayAt(pod, 'spec.containers').map((c) => ({
      ...(c as Record<string, unknown>),
      resources: undefined,
    }));
  if (
    stableJson(strip(current)) !== stableJson(strip(next)) ||
    arrayAt(next, 'spec.containers').length !== arrayAt(current, 'spec.containers').length
  ) {
    throw invalid(podType, name, [
      {
        reason: 'FieldValueForbidden',
        message: 'Forbidden: only cpu and memory resources are mutable',
        field: 'spec',
      },
    ]);
  }
  const before = stringAt(current, 'status.qosClass');
  if (before && qosClass(recordAt(next, 'spec')) !== before) {
    throw invalid(podType, name, [
      {
        reason: 'FieldValueInvalid',
        message: `Invalid value: "${qosClass(recordAt(next, 'spec'))}": Pod QoS is immutable`,
        field: 'spec.containers[0].resources',
      },
    ]);
  }
}

/** The container statuses with `resources` as the kubelet runs them: the new ones when applied. */
function statusesWith(pod: StoredObject, previous: StoredObject, isApplied: boolean): unknown[] {
  const source = isApplied ? pod : previous;
  return arrayAt(pod, 'status.containerStatuses').map((status) => {
    const name = stringAt(status, 'name');
    const spec = arrayAt(source, 'spec.containers').find((c) => stringAt(c, 'name') === name);
    const actual = recordAt(status, 'resources');
    const resources =
      isApplied || Object.keys(actual).length === 0 ? recordAt(spec, 'resources') : actual;
    return {
      ...(status as Record<string, unknown>),
      resources,
      allocatedResources: recordAt(resources, 'requests'),
    };
  });
}

/** The status after the kubelet's verdict: a pending condition, or resources applied. */
export function resizedStatus(
  pod: StoredObject,
  previous: StoredObject,
  fit: ResizeFit,
  now: string,
): Record<string, unknown> {
  const conditions = arrayAt(pod, 'status.conditions').filter(
    (c) => !resizeConditions.has(stringAt(c, 'type')),
  );
  const isApplied = fit.kind === 'fits';
  if (!isApplied) {
    conditions.push({
      type: 'PodResizePending',
      status: 'True',
      reason: fit.kind,
      message: fit.message,
      lastProbeTime: null,
      lastTransitionTime: now,
    });
  }
  return {
    ...recordAt(pod, 'status'),
    conditions,
    containerStatuses: statusesWith(pod, previous, isApplied),
  };
}

/** Serves GET, PUT and PATCH on `pods/<name>/resize`. */
export async function serveResize(
  deps: RuntimeDeps,
  call: ApiCall,
  request: ResourceRequest,
): Promise<Reply> {
  const { registry } = deps;
  const current = registry.get(podType, request.namespace, request.name ?? '');
  const method = call.req.method ?? '';
  if (method === 'GET') return ok(current);
  if (method !== 'PATCH' && method !== 'PUT') throw methodNotAllowed(method, request.type);
  const text = (await call.readBody()).toString('utf8');
  const next = (
    method === 'PUT'
      ? parseJson(text, podType)
      : patched(current, call.req.headers['content-type'] ?? '', text)
  ) as StoredObject;
  checkResize(current, next);
  const spec = { ...recordAt(current, 'spec'), containers: arrayAt(next, 'spec.containers') };
  const updated = registry.update(podType, request.namespace, current.metadata.name, {
    ...current,
    spec,
  });
  const fit = resizeFit(registry.store, updated);
  const status = resizedStatus(updated, current, fit, timestamp(deps.clock));
  return ok(
    registry.update(
      podType,
      request.namespace,
      current.metadata.name,
      { ...updated, status },
      'status',
    ),
  );
}

/** The kubelet retrying Deferred resizes: each applies once its node has room. */
export function retryDeferredResizes(deps: RuntimeDeps): void {
  const { registry } = deps;
  for (const pod of registry.store.list(podType)) {
    const pending = arrayAt(pod, 'status.conditions').find(
      (c) => stringAt(c, 'type') === 'PodResizePending',
    );
    if (stringAt(pending, 'reason') !== 'Deferred') continue;
    const fit = resizeFit(registry.store, pod);
    if (fit.kind !== 'fits') continue;
    const status = resizedStatus(pod, pod, fit, timestamp(deps.clock));
    registry.update(
      podType,
      pod.metadata.namespace,
      pod.metadata.name,
      { ...pod, status },
      'status',
    );
  }
}
