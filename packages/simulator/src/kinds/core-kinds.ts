// Defaulting and validation of the core kinds: namespaces, pods, secrets (services: service-kinds.ts).
import { isRecord } from '../api/types.ts';
import type { KubeObject } from '../api/types.ts';
import type { KindHooks } from './kind-hooks.ts';
import { defaultPod, qosClass, validatePodSpec } from './pod-spec.ts';
import { withAdmissionPlugins, withPriority } from './pod-admission-plugins.ts';
import { typeOfKind } from '../api/resource-types.ts';
import { checkLimitRanges, withLimitRangeDefaults } from './limit-ranger.ts';

type Json = Record<string, unknown>;

const limitRangeType = typeOfKind('', 'LimitRange');

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

/**
 * Pods get spec defaults and what admission plugins add (LimitRanger's defaults before the QoS
 * class is decided from them), and start Pending until the scheduler and kubelet take them.
 */
export const podHooks: KindHooks = {
  defaultCreate: (object, context) => {
    const ranges = context.listIn(limitRangeType, object.metadata.namespace ?? '');
    const limited = withLimitRangeDefaults({ ...object, spec: defaultPod(object['spec']) }, ranges);
    const plugged = withAdmissionPlugins(record(limited['spec']), context.random);
    const spec = withPriority(plugged, object.metadata.name ?? '', context);
    checkLimitRanges({ ...limited, spec }, ranges);
    return { ...limited, spec, status: { phase: 'Pending', qosClass: qosClass(spec) } };
  },
  defaultUpdate: (object) => ({ ...object, spec: defaultPod(object['spec']) }),
  validate: (object) => validatePodSpec(object['spec'], 'spec'),
};

/** Secrets default to type Opaque. */
export const secretHooks: KindHooks = {
  defaultCreate: (object) => ({ type: 'Opaque', ...object }),
};
