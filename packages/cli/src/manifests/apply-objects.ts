// Creates objects in a cluster the way `kubectl create` would, leaving existing ones alone.
import type { KubernetesObject } from '@kubernetes/client-node';

/** Creates each object (already existing ones are kept) in the cluster `kubeconfig` reaches. */
export async function createObjects(
  kubeconfig: string,
  objects: readonly Record<string, unknown>[],
): Promise<void> {
  const { KubeConfig, KubernetesObjectApi, ApiException } = await import('@kubernetes/client-node');
  const config = new KubeConfig();
  config.loadFromString(kubeconfig);
  const api = KubernetesObjectApi.makeApiClient(config);
  for (const object of objects) {
    await api.create(object as KubernetesObject).catch((error: unknown) => {
      if (!(error instanceof ApiException && error.code === 409)) throw error;
    });
  }
}
