// The environment a container's processes see: its spec's env plus what the kubelet adds (PATH, HOSTNAME, service links).
import { arrayAt, at, stringAt } from '../api/table/json-path.ts';
import type { Registry } from '../api/registry.ts';
import { typeOfKind } from '../api/resource-types.ts';
import type { StoredObject } from '../api/types.ts';

const serviceType = typeOfKind('', 'Service');

function fieldValue(pod: StoredObject, path: string): string {
  return stringAt(pod, path);
}

function valueOf(pod: StoredObject, entry: unknown): string {
  const literal = at(entry, 'value');
  if (typeof literal === 'string') return literal;
  const fieldPath = stringAt(entry, 'valueFrom.fieldRef.fieldPath');
  return fieldPath ? fieldValue(pod, fieldPath) : '';
}

function kubernetesService(registry: Registry): Record<string, string> {
  const service = registry.store.get(serviceType, 'default', 'kubernetes');
  const host = stringAt(service, 'spec.clusterIP', '10.96.0.1');
  return {
    KUBERNETES_SERVICE_HOST: host,
    KUBERNETES_SERVICE_PORT: '443',
    KUBERNETES_SERVICE_PORT_HTTPS: '443',
    KUBERNETES_PORT: `tcp://${host}:443`,
    KUBERNETES_PORT_443_TCP: `tcp://${host}:443`,
    KUBERNETES_PORT_443_TCP_PROTO: 'tcp',
    KUBERNETES_PORT_443_TCP_PORT: '443',
    KUBERNETES_PORT_443_TCP_ADDR: host,
  };
}

/** The environment of `container` in `pod`, in the order `env` prints it. */
export function containerEnv(
  registry: Registry,
  pod: StoredObject,
  container: string,
): Record<string, string> {
  const spec = arrayAt(pod, 'spec.containers').find((c) => stringAt(c, 'name') === container);
  const own = Object.fromEntries(
    arrayAt(spec, 'env').map((entry) => [stringAt(entry, 'name'), valueOf(pod, entry)]),
  );
  return {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOSTNAME: pod.metadata.name,
    ...own,
    ...kubernetesService(registry),
    HOME: '/root',
  };
}
