// Defaulting and validation of the core kinds: namespaces, pods, secrets (services: service-kinds.ts).
import { isRecord } from '../api/types.ts';
import type { KubeObject } from '../api/types.ts';
import type { KindHooks } from './kind-hooks.ts';
import { defaultPod, qosClass, validatePodSpec } from './pod-spec.ts';
import { withAdmissionPlugins, withPriority } from './pod-admission-plugins.ts';

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
  defaultCreate: (object, context) => {
    const plugged = withAdmissionPlugins(defaultPod(object['spec']), context.random);
    const spec = withPriority(plugged, object.metadata.name ?? '', context);
    return { ...object, spec, status: { phase: 'Pending', qosClass: qosClass(spec) } };
  },
  defaultUpdate: (object) => ({ ...object, spec: defaultPod(object['spec']) }),
  validate: (object) => validatePodSpec(object['spec'], 'spec'),
};

/** Secrets default to type Opaque. */
export const secretHooks: KindHooks = {
  defaultCreate: (object) => ({ type: 'Opaque', ...object }),
};
