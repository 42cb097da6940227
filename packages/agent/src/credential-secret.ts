// The credential store as a Secret in the agent's own namespace: what a pod keeps across
// restarts (an emptyDir does not). The agent's Role may get, update and patch that one Secret
// and create Secrets in the namespace (create cannot be limited by name).
import type { CoreV1Api, KubeConfig, V1Secret } from '@kubernetes/client-node';
import type { CredentialStore } from './credentials.ts';

const key = 'credential';

function isStatus(error: unknown, code: number): boolean {
  return (error as { code?: unknown } | null)?.code === code;
}

function credentialSecret(namespace: string, name: string, credential: string): V1Secret {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace, labels: { 'app.kubernetes.io/name': 'flotilla-agent' } },
    type: 'Opaque',
    data: { [key]: Buffer.from(credential).toString('base64') },
  };
}

async function readSecret(api: CoreV1Api, namespace: string, name: string) {
  try {
    return await api.readNamespacedSecret({ name, namespace });
  } catch (error) {
    if (isStatus(error, 404)) return undefined;
    throw error;
  }
}

/** Replaces the Secret's data, or creates the Secret when it does not exist yet. */
async function writeSecret(api: CoreV1Api, secret: V1Secret, name: string): Promise<void> {
  const namespace = secret.metadata?.namespace ?? '';
  const existing = await readSecret(api, namespace, name);
  if (existing === undefined) {
    await api.createNamespacedSecret({ namespace, body: secret });
    return;
  }
  const body = { ...existing, data: { ...existing.data, ...secret.data } };
  await api.replaceNamespacedSecret({ name, namespace, body });
}

/** Keeps the credential in Secret `namespace/name`, reached with `kubeConfig`. */
export function secretCredentialStore(
  kubeConfig: KubeConfig,
  namespace: string,
  name: string,
): CredentialStore {
  let api: Promise<CoreV1Api> | undefined;
  const client = () =>
    (api ??= import('@kubernetes/client-node').then((k8s) =>
      kubeConfig.makeApiClient(k8s.CoreV1Api),
    ));
  return {
    where: `secret ${namespace}/${name}`,
    read: async () => {
      const secret = await readSecret(await client(), namespace, name);
      const encoded = secret?.data?.[key];
      const text = encoded === undefined ? '' : Buffer.from(encoded, 'base64').toString().trim();
      return text === '' ? undefined : text;
    },
    save: async (credential) =>
      writeSecret(await client(), credentialSecret(namespace, name, credential), name),
  };
}
