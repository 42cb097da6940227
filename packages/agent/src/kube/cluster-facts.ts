// What the agent tells the hub about its cluster, read from the local Kubernetes API.
import type { KubeConfig } from '@kubernetes/client-node';
import { parseQuantity } from '@flotilla/protocol';

export interface ClusterFacts {
  readonly kubernetesVersion: string;
  readonly nodeCount: number;
  readonly capacity: { readonly cpuMillicores: number; readonly memoryMib: number };
}

type Allocatable = { [resource: string]: string } | undefined;

/** Allocatable CPU and memory summed over the nodes (what the scheduler can hand out). */
export function sumAllocatable(nodes: readonly Allocatable[]): ClusterFacts['capacity'] {
  let cores = 0;
  let bytes = 0;
  for (const allocatable of nodes) {
    cores += parseQuantity(allocatable?.cpu);
    bytes += parseQuantity(allocatable?.memory);
  }
  return { cpuMillicores: Math.round(cores * 1000), memoryMib: Math.floor(bytes / 2 ** 20) };
}

/** Reads the API server version and node count. */
export async function readClusterFacts(kubeConfig: KubeConfig): Promise<ClusterFacts> {
  const { CoreV1Api, VersionApi } = await import('@kubernetes/client-node');
  const version = await kubeConfig.makeApiClient(VersionApi).getCode();
  const nodes = await kubeConfig.makeApiClient(CoreV1Api).listNode();
  const capacity = sumAllocatable(nodes.items.map((node) => node.status?.allocatable));
  return { kubernetesVersion: version.gitVersion, nodeCount: nodes.items.length, capacity };
}
