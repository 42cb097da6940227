// Serves metrics.k8s.io/v1beta1 as metrics-server does: PodMetrics and NodeMetrics lists and gets, computed from the usage models at the clock's now.
import type { ApiCall, Reply } from '../api/api-call.ts';
import { ok } from '../api/api-call.ts';
import { parseLabelSelector } from '../api/label-selector.ts';
import type { ResourceRequest } from '../api/request-info.ts';
import { methodNotAllowed, notFound } from '../api/status.ts';
import { stringAt } from '../api/table/json-path.ts';
import type { StoredObject } from '../api/types.ts';
import { timestamp } from '../clock.ts';
import { nodeType, podType } from '../controllers/kinds.ts';
import type { RuntimeDeps } from '../runtime/runtime-deps.ts';
import { podUsage } from './container-usage.ts';
import { metricsGroup } from './metrics-types.ts';

const apiVersion = `${metricsGroup}/v1beta1`;

/** CPU as metrics-server writes it (nanocores) and memory in KiB. */
function quantities(cpu: number, memory: number): { cpu: string; memory: string } {
  return { cpu: `${Math.round(cpu * 1e9)}n`, memory: `${Math.round(memory / 1024)}Ki` };
}

function isRunning(pod: StoredObject): boolean {
  return stringAt(pod, 'status.phase') === 'Running' && !pod.metadata.deletionTimestamp;
}

function podMetrics(deps: RuntimeDeps, pod: StoredObject): Record<string, unknown> {
  const now = deps.clock.now();
  const containers = podUsage(pod, deps.seed, now).map((usage) => ({
    name: usage.name,
    usage: quantities(usage.cpu, usage.memory),
  }));
  const { name, namespace, labels } = pod.metadata;
  return {
    kind: 'PodMetrics',
    apiVersion,
    metadata: {
      name,
      namespace,
      creationTimestamp: timestamp(deps.clock),
      ...(labels ? { labels } : {}),
    },
    timestamp: timestamp({ now: () => now - 5000 }),
    window: '15s',
    containers,
  };
}

/** A node's usage: its pods plus what the system (kubelet, runtime, OS) takes. */
function nodeMetrics(
  deps: RuntimeDeps,
  node: StoredObject,
  pods: readonly StoredObject[],
): Record<string, unknown> {
  const now = deps.clock.now();
  const name = node.metadata.name;
  let cpu = 0.08;
  let memory = 700 * 2 ** 20;
  for (const pod of pods) {
    if (stringAt(pod, 'spec.nodeName') !== name) continue;
    for (const usage of podUsage(pod, deps.seed, now)) {
      cpu += usage.cpu;
      memory += usage.memory;
    }
  }
  return {
    kind: 'NodeMetrics',
    apiVersion,
    metadata: {
      name,
      creationTimestamp: timestamp(deps.clock),
      ...(node.metadata.labels ? { labels: node.metadata.labels } : {}),
    },
    timestamp: timestamp({ now: () => now - 5000 }),
    window: '20s',
    usage: quantities(cpu, memory),
  };
}

function list(kind: string, items: unknown[]): Reply {
  return ok({ kind: `${kind}List`, apiVersion, metadata: {}, items });
}

function servePods(deps: RuntimeDeps, call: ApiCall, request: ResourceRequest): Reply {
  const store = deps.registry.store;
  if (request.name !== undefined) {
    const pod = store.get(podType, request.namespace, request.name);
    if (!pod || !isRunning(pod)) throw notFound(request.type, request.name);
    return ok(podMetrics(deps, pod));
  }
  const matches = parseLabelSelector(call.query.get('labelSelector'));
  const pods = store
    .list(podType, request.namespace)
    .filter((p) => isRunning(p) && matches(p.metadata.labels));
  return list(
    'PodMetrics',
    pods.map((pod) => podMetrics(deps, pod)),
  );
}

function serveNodes(deps: RuntimeDeps, call: ApiCall, request: ResourceRequest): Reply {
  const store = deps.registry.store;
  const pods = store.list(podType).filter(isRunning);
  if (request.name !== undefined) {
    const node = store.get(nodeType, undefined, request.name);
    if (!node) throw notFound(request.type, request.name);
    return ok(nodeMetrics(deps, node, pods));
  }
  const matches = parseLabelSelector(call.query.get('labelSelector'));
  const nodes = store.list(nodeType).filter((n) => matches(n.metadata.labels));
  return list(
    'NodeMetrics',
    nodes.map((node) => nodeMetrics(deps, node, pods)),
  );
}

/** Serves a metrics.k8s.io request; only reads are allowed, as on metrics-server. */
export function serveMetrics(deps: RuntimeDeps, call: ApiCall, request: ResourceRequest): Reply {
  if (call.req.method !== 'GET') throw methodNotAllowed(call.req.method ?? '', request.type);
  return request.type.plural === 'pods'
    ? servePods(deps, call, request)
    : serveNodes(deps, call, request);
}
