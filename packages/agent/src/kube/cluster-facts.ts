// What the agent tells the hub about its cluster, read from the local Kubernetes API.
import type { KubeConfig } from '@kubernetes/client-node';

export interface ClusterFacts {
  readonly kubernetesVersion: string;
  readonly nodeCount: number;
}

/** Reads the API server version and node count. */
export async function readClusterFacts(kubeConfig: KubeConfig): Promise<ClusterFacts> {
  const { CoreV1Api, VersionApi } = await import('@kubernetes/client-node');
  const version = await kubeConfig.makeApiClient(VersionApi).getCode();
  const nodes = await kubeConfig.makeApiClient(CoreV1Api).listNode();
  return { kubernetesVersion: version.gitVersion, nodeCount: nodes.items.length };
}
