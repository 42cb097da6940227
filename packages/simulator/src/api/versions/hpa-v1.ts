// autoscaling/v1 HorizontalPodAutoscaler <-> v2 (the storage version): the CPU target is the one v1 field; the rest rides in annotations.
import { omit } from '../omit.ts';
import { isRecord } from '../types.ts';

type Json = Record<string, unknown>;

const annotationPrefix = 'autoscaling.alpha.kubernetes.io/';
/** v2 fields v1 cannot hold, kept in these annotations of the v1 form so a round trip loses nothing. */
const carried = {
  metrics: `${annotationPrefix}metrics`,
  behavior: `${annotationPrefix}behavior`,
  conditions: `${annotationPrefix}conditions`,
  currentMetrics: `${annotationPrefix}current-metrics`,
} as const;

function record(value: unknown): Json {
  return isRecord(value) ? value : {};
}

function list(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function isCpu(metric: Json): boolean {
  return metric['type'] === 'Resource' && record(metric['resource'])['name'] === 'cpu';
}

/** The target utilization of the CPU Utilization metric, if there is one. */
function cpuTarget(metrics: Json[]): { percent?: unknown; others: Json[] } {
  const index = metrics.findIndex(
    (m) => isCpu(m) && record(record(m['resource'])['target'])['type'] === 'Utilization',
  );
  if (index < 0) return { others: metrics };
  const percent = record(record(metrics[index]?.['resource'])['target'])['averageUtilization'];
  return { percent, others: metrics.filter((_, i) => i !== index) };
}

function defined(fields: Json): Json {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

function withAnnotations(metadata: Json, extra: Json): Json {
  const added = Object.entries(extra).filter(([, value]) => value !== undefined);
  if (added.length === 0) return metadata;
  const encoded = Object.fromEntries(added.map(([key, value]) => [key, JSON.stringify(value)]));
  return { ...metadata, annotations: { ...record(metadata['annotations']), ...encoded } };
}

function nonEmpty(items: Json[]): Json[] | undefined {
  return items.length > 0 ? items : undefined;
}

/** The v1 form of a stored (v2) autoscaler. */
export function hpaToV1(object: Json): Json {
  const spec = record(object['spec']);
  const status = record(object['status']);
  const target = cpuTarget(list(spec['metrics']));
  const current = list(status['currentMetrics']);
  const currentCpu = current.find(isCpu);
  const currentPercent = record(record(currentCpu?.['resource'])['current'])['averageUtilization'];
  const metadata = withAnnotations(record(object['metadata']), {
    [carried.metrics]: nonEmpty(target.others),
    [carried.behavior]: spec['behavior'],
    [carried.conditions]: nonEmpty(list(status['conditions'])),
    [carried.currentMetrics]: nonEmpty(current.filter((m) => m !== currentCpu)),
  });
  const v1Spec = defined({
    scaleTargetRef: spec['scaleTargetRef'],
    minReplicas: spec['minReplicas'],
    maxReplicas: spec['maxReplicas'],
    targetCPUUtilizationPercentage: target.percent,
  });
  const v1Status = defined({
    observedGeneration: status['observedGeneration'],
    lastScaleTime: status['lastScaleTime'],
    currentReplicas: status['currentReplicas'] ?? 0,
    desiredReplicas: status['desiredReplicas'] ?? 0,
    currentCPUUtilizationPercentage: currentPercent,
  });
  const converted = { ...object, apiVersion: 'autoscaling/v1', metadata, spec: v1Spec };
  return object['status'] === undefined ? converted : { ...converted, status: v1Status };
}

/** The annotations the v1 form carries, decoded, and the metadata without them. */
function takeAnnotations(metadata: Json): {
  metadata: Json;
  values: Partial<Record<keyof typeof carried, unknown>>;
} {
  const annotations = { ...record(metadata['annotations']) };
  const values: Partial<Record<keyof typeof carried, unknown>> = {};
  for (const [field, key] of Object.entries(carried) as [keyof typeof carried, string][]) {
    const text = annotations[key];
    if (typeof text !== 'string') continue;
    delete annotations[key];
    try {
      values[field] = JSON.parse(text) as unknown;
    } catch {
      // A hand-written annotation that is not JSON is dropped, as the API server's conversion does.
    }
  }
  if (!isRecord(metadata['annotations'])) return { metadata, values };
  const hasOthers = Object.keys(annotations).length > 0;
  const bare = omit(metadata, 'annotations');
  return { metadata: hasOthers ? { ...bare, annotations } : bare, values };
}

function cpuMetric(field: 'target' | 'current', value: Record<string, unknown>): Json {
  return { type: 'Resource', resource: { name: 'cpu', [field]: value } };
}

/** The v2 (storage) form of a v1 autoscaler. */
export function hpaFromV1(object: Json): Json {
  const spec = record(object['spec']);
  const status = record(object['status']);
  const { metadata, values } = takeAnnotations(record(object['metadata']));
  const percent = spec['targetCPUUtilizationPercentage'];
  const cpu =
    typeof percent === 'number'
      ? [cpuMetric('target', { type: 'Utilization', averageUtilization: percent })]
      : [];
  const metrics = [...cpu, ...list(values.metrics)];
  const v2Spec = defined({
    scaleTargetRef: spec['scaleTargetRef'],
    minReplicas: spec['minReplicas'],
    maxReplicas: spec['maxReplicas'],
    metrics: nonEmpty(metrics),
    behavior: values.behavior,
  });
  const currentPercent = status['currentCPUUtilizationPercentage'];
  const currentCpu =
    typeof currentPercent === 'number'
      ? [cpuMetric('current', { averageUtilization: currentPercent })]
      : [];
  const v2Status = defined({
    observedGeneration: status['observedGeneration'],
    lastScaleTime: status['lastScaleTime'],
    currentReplicas: status['currentReplicas'],
    desiredReplicas: status['desiredReplicas'],
    currentMetrics: nonEmpty([...currentCpu, ...list(values.currentMetrics)]),
    conditions: values.conditions,
  });
  const converted = { ...object, apiVersion: 'autoscaling/v2', metadata, spec: v2Spec };
  return object['status'] === undefined ? converted : { ...converted, status: v2Status };
}
