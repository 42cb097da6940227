// Fills a new cluster with what a real one starts with (system namespaces and priority classes, nodes, CoreDNS) plus the spec's workloads.
import type { Registry } from '../api/registry.ts';
import { seedDefaultRoles } from '../auth/default-roles.ts';
import type { ClusterSpec, WorkloadSpec } from '../cluster-spec.ts';
import { timestamp } from '../clock.ts';
import type { Clock } from '../clock.ts';
import { deploymentType, namespaceType, nodeType } from '../controllers/kinds.ts';
import { typeOfKind } from '../api/resource-types.ts';
import { seedSystemPriorityClasses } from '../kinds/priority-classes.ts';
import { nodeObjects } from './nodes.ts';
import { deploymentObject, serviceObject } from './workloads.ts';

const serviceType = typeOfKind('', 'Service');
const systemNamespaces = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

const coreDns: WorkloadSpec = {
  name: 'coredns',
  namespace: 'kube-system',
  tier: 'worker',
  replicas: 2,
  image: 'registry.k8s.io/coredns/coredns:v1.11.3',
  containerPort: 53,
  requests: { cpu: '100m', memory: '70Mi' },
  limits: { memory: '170Mi' },
};

function namespacesOf(spec: ClusterSpec): string[] {
  const named = [...(spec.namespaces ?? []), ...(spec.workloads ?? []).map((w) => w.namespace)];
  return [...new Set([...systemNamespaces, ...named])];
}

function seedWorkload(registry: Registry, workload: WorkloadSpec): void {
  registry.create(deploymentType, workload.namespace, deploymentObject(workload));
  const service = serviceObject(workload);
  if (service) registry.create(serviceType, workload.namespace, service);
}

/** Creates the cluster's namespaces, nodes, `kubernetes` service and workloads; controllers do the rest. */
export function seedCluster(registry: Registry, spec: ClusterSpec, clock: Clock): void {
  seedDefaultRoles(registry, clock);
  seedSystemPriorityClasses(registry);
  for (const name of namespacesOf(spec))
    registry.create(namespaceType, undefined, { metadata: { name } });
  const kubernetesService = {
    metadata: { name: 'kubernetes', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { ports: [{ name: 'https', port: 443, targetPort: 6443 }] },
  };
  registry.create(serviceType, 'default', kubernetesService);
  for (const node of nodeObjects(spec, timestamp(clock))) {
    const created = registry.create(nodeType, undefined, node);
    registry.update(
      nodeType,
      undefined,
      created.metadata.name,
      { ...created, status: (node as { status: unknown }).status },
      'status',
    );
  }
  for (const workload of [coreDns, ...(spec.workloads ?? [])]) seedWorkload(registry, workload);
}
