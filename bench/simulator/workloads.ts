// The benchmark clusters' pods: deployments of small pods in `bench`, on roomy nodes.
import type { WorkloadSpec } from '@flotilla/simulator';

/** Room for 110 pods per node, far more CPU and memory than the small pods ask for. */
export const roomyNode = { cpu: '64', memory: '256Gi', pods: 110 };

/** `count` deployments (`app-0`…) of `replicas` pods each asking 10m CPU and 16Mi. */
export function smallPodDeployments(count: number, replicas: number): WorkloadSpec[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `app-${String(i)}`,
    namespace: 'bench',
    tier: 'worker' as const,
    replicas,
    requests: { cpu: '10m', memory: '16Mi' },
    limits: { memory: '1Gi' },
  }));
}
