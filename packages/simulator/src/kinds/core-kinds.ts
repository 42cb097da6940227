// Defaulting and validation of the core kinds: namespaces, pods, services, secrets.
import { isRecord } from '../api/types.ts';
import type { KubeObject } from '../api/types.ts';
import type { KindHooks } from './kind-hooks.ts';
import { defaultPodSpec, qosClass, validatePodSpec } from './pod-spec.ts';

type Json = Record<string, unknown>;

function record(value: unknown): Json {
  return isRecord(value) ? value : {};
}

function withNamespaceLabel(object: KubeObject): KubeObject {
  const name = object.metadata.name ?? '';
  const labels = { ...object.metadata.labels, 'kubernetes.io/metadata.name': name };
  return { ...object, metadata: { ...object.metadata, labels } };
}

/** Namespaces carry the `kubernetes` finalizer, start Active and label themselves with their name. */
export const namespaceHooks: KindHooks = {
  defaultCreate: (object) => ({
    ...withNamespaceLabel(object),
    spec: { finalizers: ['kubernetes'], ...record(object['spec']) },
    status: { phase: 'Active' },
  }),
  defaultUpdate: withNamespaceLabel,
};

/** Pods get spec defaults, and start Pending until the scheduler and kubelet take them. */
export const podHooks: KindHooks = {
  defaultCreate: (object) => {
    const spec = defaultPodSpec(object['spec']);
    return { ...object, spec, status: { phase: 'Pending', qosClass: qosClass(spec) } };
  },
  validate: (object) => validatePodSpec(object['spec'], 'spec'),
};

function defaultPort(port: unknown): unknown {
  if (!isRecord(port)) return port;
  return { protocol: 'TCP', targetPort: port['port'], ...port };
}

/** Services get a ClusterIP from the service range and the usual policy defaults. */
export const serviceHooks: KindHooks = {
  defaultCreate: (object, context) => {
    const spec = record(object['spec']);
    const type = typeof spec['type'] === 'string' ? spec['type'] : 'ClusterIP';
    const clusterIP =
      typeof spec['clusterIP'] === 'string' ? spec['clusterIP'] : context.allocateServiceIp();
    const ports = Array.isArray(spec['ports']) ? spec['ports'].map(defaultPort) : [];
    const defaults = {
      sessionAffinity: 'None',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
    };
    const traffic = { internalTrafficPolicy: 'Cluster' };
    const fullSpec = {
      ...defaults,
      ...traffic,
      ...spec,
      type,
      clusterIP,
      clusterIPs: [clusterIP],
      ports,
    };
    return { ...object, spec: fullSpec, status: { loadBalancer: {} } };
  },
};

/** Secrets default to type Opaque. */
export const secretHooks: KindHooks = {
  defaultCreate: (object) => ({ type: 'Opaque', ...object }),
};
