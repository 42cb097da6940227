// Deployment and Service objects for the workloads a scenario names, with tier-typical images, ports and sizes.
import type { Resources, WorkloadSpec, WorkloadTier } from '../cluster-spec.ts';
import { usageAnnotation } from '../metrics/usage-spec.ts';

interface TierDefaults {
  readonly image: string;
  readonly port?: number;
  readonly requests: Resources;
  readonly limits: Resources;
}

const tiers: Readonly<Record<WorkloadTier, TierDefaults>> = {
  web: {
    image: 'nginx:1.27',
    port: 8080,
    requests: { cpu: '100m', memory: '128Mi' },
    limits: { memory: '256Mi' },
  },
  worker: {
    image: 'ghcr.io/flotilla-demo/worker:2.4.1',
    requests: { cpu: '250m', memory: '256Mi' },
    limits: { memory: '512Mi' },
  },
  database: {
    image: 'postgres:16.4',
    port: 5432,
    requests: { cpu: '500m', memory: '1Gi' },
    limits: { cpu: '1', memory: '2Gi' },
  },
  cache: {
    image: 'redis:7.4',
    port: 6379,
    requests: { cpu: '100m', memory: '256Mi' },
    limits: { memory: '512Mi' },
  },
  batch: {
    image: 'ghcr.io/flotilla-demo/batch:1.9.0',
    requests: { cpu: '500m', memory: '512Mi' },
    limits: { memory: '1Gi' },
  },
};

function container(workload: WorkloadSpec, defaults: TierDefaults): Record<string, unknown> {
  const port = workload.containerPort ?? defaults.port;
  return {
    name: workload.name,
    image: workload.image ?? defaults.image,
    ...(port ? { ports: [{ containerPort: port, protocol: 'TCP' }] } : {}),
    resources: {
      requests: workload.requests ?? defaults.requests,
      limits: workload.limits ?? defaults.limits,
    },
  };
}

/** The Deployment for `workload`. */
export function deploymentObject(workload: WorkloadSpec): unknown {
  const tier = workload.tier ?? 'web';
  const selector = { 'app.kubernetes.io/name': workload.name };
  const labels = { ...selector, 'app.kubernetes.io/component': tier, ...workload.labels };
  return {
    metadata: { name: workload.name, namespace: workload.namespace, labels },
    spec: {
      replicas: workload.replicas ?? 1,
      selector: { matchLabels: selector },
      template: {
        metadata: {
          labels,
          ...(workload.usage
            ? { annotations: { [usageAnnotation]: JSON.stringify(workload.usage) } }
            : {}),
        },
        spec: { containers: [container(workload, tiers[tier])] },
      },
    },
  };
}

/** The Service in front of `workload`, when it listens on a port. */
export function serviceObject(workload: WorkloadSpec): unknown {
  const port = workload.containerPort ?? tiers[workload.tier ?? 'web'].port;
  if (port === undefined) return undefined;
  const servicePort = workload.tier === 'web' || workload.tier === undefined ? 80 : port;
  return {
    metadata: {
      name: workload.name,
      namespace: workload.namespace,
      labels: { 'app.kubernetes.io/name': workload.name },
    },
    spec: {
      selector: { 'app.kubernetes.io/name': workload.name },
      ports: [{ name: 'main', port: servicePort, targetPort: port, protocol: 'TCP' }],
    },
  };
}
