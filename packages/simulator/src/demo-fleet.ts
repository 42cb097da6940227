// The default demo fleet: six clusters across dev, qa, uat and prod with web services, workers, caches and databases.
import type { ClusterSpec, WorkloadSpec } from './cluster-spec.ts';

type Size = 'small' | 'medium' | 'large';

const replicasBySize: Readonly<Record<Size, number>> = { small: 1, medium: 2, large: 3 };

/** The shop application: storefront, API, checkout worker, cache and database. */
function shop(size: Size): WorkloadSpec[] {
  const n = replicasBySize[size];
  return [
    { name: 'storefront', namespace: 'shop', tier: 'web', replicas: n + 1 },
    {
      name: 'catalog-api',
      namespace: 'shop',
      tier: 'web',
      replicas: n,
      image: 'ghcr.io/flotilla-demo/catalog-api:3.2.0',
    },
    { name: 'checkout-worker', namespace: 'shop', tier: 'worker', replicas: n },
    { name: 'session-cache', namespace: 'shop', tier: 'cache', replicas: 1 },
    // Deliberately over-provisioned, so right-sizing has something to find.
    {
      name: 'orders-db',
      namespace: 'shop',
      tier: 'database',
      replicas: 1,
      requests: { cpu: '2', memory: '4Gi' },
      limits: { cpu: '2', memory: '4Gi' },
    },
  ];
}

/** Payments and reporting: a web API, a queue worker and a nightly batch runner. */
function payments(size: Size): WorkloadSpec[] {
  const n = replicasBySize[size];
  return [
    {
      name: 'payments-api',
      namespace: 'payments',
      tier: 'web',
      replicas: n,
      image: 'ghcr.io/flotilla-demo/payments-api:1.14.2',
    },
    // Under-provisioned: a tight memory limit for a busy worker.
    {
      name: 'ledger-worker',
      namespace: 'payments',
      tier: 'worker',
      replicas: n,
      requests: { cpu: '50m', memory: '64Mi' },
      limits: { memory: '128Mi' },
    },
    { name: 'report-runner', namespace: 'reporting', tier: 'batch', replicas: 1 },
  ];
}

/** Platform services every cluster runs. */
function platform(): WorkloadSpec[] {
  return [
    {
      name: 'ingress-nginx-controller',
      namespace: 'ingress-nginx',
      tier: 'web',
      replicas: 2,
      image: 'registry.k8s.io/ingress-nginx/controller:v1.11.3',
      containerPort: 80,
    },
    {
      name: 'metrics-server',
      namespace: 'kube-system',
      tier: 'worker',
      replicas: 1,
      image: 'registry.k8s.io/metrics-server/metrics-server:v0.7.2',
      containerPort: 10250,
    },
  ];
}

function cluster(
  name: string,
  environment: ClusterSpec['environment'],
  region: string,
  size: Size,
  nodes: number,
): ClusterSpec {
  const labels = { 'flotilla.dev/region': region, 'flotilla.dev/tier': environment };
  const workloads = [
    ...platform(),
    ...shop(size),
    ...(environment === 'dev' && size === 'small' ? [] : payments(size)),
  ];
  return { name, environment, labels, nodes, workloads, namespaces: ['monitoring'] };
}

/** Six clusters: dev-eu-1, dev-us-1, qa-eu-1, uat-eu-1, prod-eu-1, prod-us-1, sized like their tiers. */
export function demoFleet(): ClusterSpec[] {
  return [
    cluster('dev-eu-1', 'dev', 'eu-west-1', 'small', 2),
    cluster('dev-us-1', 'dev', 'us-east-1', 'small', 2),
    cluster('qa-eu-1', 'qa', 'eu-west-1', 'medium', 3),
    cluster('uat-eu-1', 'uat', 'eu-west-1', 'medium', 3),
    cluster('prod-eu-1', 'prod', 'eu-west-1', 'large', 5),
    cluster('prod-us-1', 'prod', 'us-east-1', 'large', 5),
  ];
}
