// The endpoints controller: each Service with a selector gets an Endpoints object listing its pods' IPs.
import { arrayAt, numberAt, recordAt, stringAt } from '../api/table/json-path.ts';
import { isRecord } from '../api/types.ts';
import type { StoredObject } from '../api/types.ts';
import { stableJson } from '../api/stable-json.ts';
import type { Controller, ControllerDeps } from './controller-manager.ts';
import { endpointsType, keyOf, podType, serviceType, splitKey } from './kinds.ts';
import { isPodReady } from './replicaset-controller.ts';

function selects(service: StoredObject, pod: StoredObject): boolean {
  const selector = recordAt(service, 'spec.selector');
  const entries = Object.entries(selector);
  return (
    entries.length > 0 && entries.every(([key, value]) => pod.metadata.labels?.[key] === value)
  );
}

function address(pod: StoredObject): Record<string, unknown> {
  const { name, namespace, uid } = pod.metadata;
  return {
    ip: stringAt(pod, 'status.podIP'),
    nodeName: stringAt(pod, 'spec.nodeName'),
    targetRef: { kind: 'Pod', namespace, name, uid },
  };
}

function targetPort(port: unknown, pods: StoredObject[]): number {
  const target = recordAt({ port }, 'port')['targetPort'];
  if (typeof target === 'number') return target;
  const named = pods
    .flatMap((pod) => arrayAt(pod, 'spec.containers').flatMap((c) => arrayAt(c, 'ports')))
    .find((p) => stringAt(p, 'name') === target);
  return named ? numberAt(named, 'containerPort') : numberAt(port, 'port');
}

function subsets(service: StoredObject, pods: StoredObject[]): unknown[] {
  const withIp = pods.filter(
    (pod) => stringAt(pod, 'status.podIP') && !pod.metadata.deletionTimestamp,
  );
  if (withIp.length === 0) return [];
  const ports = arrayAt(service, 'spec.ports').map((port) => ({
    ...(stringAt(port, 'name') ? { name: stringAt(port, 'name') } : {}),
    port: targetPort(port, withIp),
    protocol: stringAt(port, 'protocol', 'TCP'),
  }));
  const ready = withIp.filter(isPodReady).map(address);
  const notReady = withIp.filter((pod) => !isPodReady(pod)).map(address);
  return [
    {
      ...(ready.length ? { addresses: ready } : {}),
      ...(notReady.length ? { notReadyAddresses: notReady } : {}),
      ports,
    },
  ];
}

function sync(deps: ControllerDeps, service: StoredObject): void {
  const { namespace, name } = service.metadata;
  const pods = deps.registry.store.list(podType, namespace).filter((pod) => selects(service, pod));
  const wanted = { subsets: subsets(service, pods) };
  const existing = deps.registry.store.get(endpointsType, namespace, name);
  const labels = service.metadata.labels ?? {};
  if (!existing) {
    deps.registry.create(endpointsType, namespace, { metadata: { name, labels }, ...wanted });
    return;
  }
  if (stableJson(existing['subsets'] ?? []) !== stableJson(wanted.subsets))
    deps.registry.update(endpointsType, namespace, name, { ...existing, ...wanted });
}

/** The endpoints controller (only Services with a selector are managed). */
export function endpointsController(deps: ControllerDeps): Controller {
  return {
    name: 'endpoints',
    keysFor: (event) => {
      if (event.resource === serviceType) return [keyOf(event.object)];
      if (event.resource !== podType) return [];
      const namespace = event.object.metadata.namespace;
      return deps.registry.store
        .list(serviceType, namespace)
        .filter(
          (service) =>
            selects(service, event.object) || (event.previous && selects(service, event.previous)),
        )
        .map(keyOf);
    },
    reconcile: (key) => {
      const [namespace, name] = splitKey(key);
      const service = deps.registry.store.get(serviceType, namespace, name);
      const hasSelector = service && isRecord(recordAt(service, 'spec')['selector']);
      if (!service || !hasSelector) {
        const stale = deps.registry.store.get(endpointsType, namespace, name);
        if (!service && stale) deps.registry.delete(endpointsType, namespace, name, {});
        return;
      }
      sync(deps, service);
    },
  };
}
