// HorizontalPodAutoscaler defaulting (autoscaling/v2, the stored version): min replicas, a CPU target, full behavior rules.
import type { KubeObject } from '../api/types.ts';
import { fill, record, withRecord } from './defaulting.ts';
import type { Json } from './defaulting.ts';
import type { KindHooks } from './kind-hooks.ts';

/** autoscaling.DefaultCPUUtilization: the target when no metric is given. */
const defaultCpuMetric = {
  type: 'Resource',
  resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } },
};

const scaleUpRules = {
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
};

/** Scale-down leaves the stabilization window unset: the controller's flag decides it. */
const scaleDownRules = {
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
};

/** A given behavior gets every unset rule field in both directions (SetDefaults_HorizontalPodAutoscalerBehavior). */
function defaultBehavior(behavior: Json): Json {
  return {
    ...behavior,
    scaleUp: fill(record(behavior['scaleUp']), scaleUpRules),
    scaleDown: fill(record(behavior['scaleDown']), scaleDownRules),
  };
}

function defaultSpec(object: KubeObject): Json {
  const spec = fill(record(object['spec']), { minReplicas: 1 });
  const metrics = spec['metrics'];
  const hasMetrics = Array.isArray(metrics) && metrics.length > 0;
  const withMetrics = hasMetrics ? spec : { ...spec, metrics: [defaultCpuMetric] };
  return withRecord(withMetrics, 'behavior', defaultBehavior);
}

/** Autoscalers: v1.32's v2 defaults; a new one's status is v2's empty status. */
export const autoscalerHooks: KindHooks = {
  defaultCreate: (object) => ({
    ...object,
    spec: defaultSpec(object),
    status: { currentMetrics: null, desiredReplicas: 0 },
  }),
  defaultUpdate: (object) => ({ ...object, spec: defaultSpec(object) }),
};
