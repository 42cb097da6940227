// The metrics.k8s.io/v1beta1 resource types (PodMetrics, NodeMetrics): read-only, computed per request, never stored.
import { define } from '../api/define-type.ts';
import type { ResourceType } from '../api/resource-types.ts';

/** The group metrics-server serves. */
export const metricsGroup = 'metrics.k8s.io';

/** PodMetrics and NodeMetrics, as discovery lists them. */
export function metricsTypes(): ResourceType[] {
  const metrics = {
    group: metricsGroup,
    version: 'v1beta1',
    verbs: ['get', 'list'],
    isVirtual: true,
  };
  return [
    define({ ...metrics, plural: 'nodes', kind: 'NodeMetrics', singular: '', isNamespaced: false }),
    define({ ...metrics, plural: 'pods', kind: 'PodMetrics', singular: '' }),
  ];
}
