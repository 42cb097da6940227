// What kube-apiserver's built-in admission plugins add to a new pod: the ServiceAccount plugin's
// kube-api-access volume and mounts, and DefaultTolerationSeconds' not-ready/unreachable tolerations.
import { randomSuffix } from '../clock.ts';
import type { Random } from '../clock.ts';
import { isRecord } from '../api/types.ts';
import { KubeError } from '../api/status.ts';
import type { Json } from './defaulting.ts';
import type { HookContext } from './kind-hooks.ts';
import { builtinPriorities } from './pod-spec.ts';

const tokenMountPath = '/var/run/secrets/kubernetes.io/serviceaccount';
const evictionTaints = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'];

function listOf(spec: Json, field: string): Json[] {
  const value = spec[field];
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function hasNoExecuteToleration(tolerations: Json[], key: string): boolean {
  return tolerations.some(
    (t) =>
      (t['key'] === key || t['key'] === undefined) && (t['effect'] ?? 'NoExecute') === 'NoExecute',
  );
}

/** Pods tolerate a node going not-ready or unreachable for 300 s before they are evicted. */
function withDefaultTolerations(spec: Json): Json {
  const tolerations = listOf(spec, 'tolerations');
  const added = evictionTaints
    .filter((key) => !hasNoExecuteToleration(tolerations, key))
    .map((key) => ({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }));
  return added.length === 0 ? spec : { ...spec, tolerations: [...tolerations, ...added] };
}

function tokenVolume(name: string): Json {
  const sources = [
    { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
    { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
    {
      downwardAPI: {
        items: [
          { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' },
        ],
      },
    },
  ];
  return { name, projected: { defaultMode: 420, sources } };
}

function isTokenMounted(spec: Json): boolean {
  return [...listOf(spec, 'containers'), ...listOf(spec, 'initContainers')].some((container) =>
    listOf(container, 'volumeMounts').some((mount) => mount['mountPath'] === tokenMountPath),
  );
}

/** The service account's token, CA and namespace, mounted read-only into every container. */
function withTokenVolume(spec: Json, random: Random): Json {
  if (spec['automountServiceAccountToken'] === false || isTokenMounted(spec)) return spec;
  const name = `kube-api-access-${randomSuffix(random)}`;
  const mount = { name, readOnly: true, mountPath: tokenMountPath };
  const mounted = (container: Json): Json => ({
    ...container,
    volumeMounts: [...listOf(container, 'volumeMounts'), mount],
  });
  const result: Json = { ...spec, volumes: [...listOf(spec, 'volumes'), tokenVolume(name)] };
  for (const field of ['containers', 'initContainers']) {
    if (Array.isArray(spec[field])) result[field] = listOf(spec, field).map(mounted);
  }
  return result;
}

/** A new pod's spec with what the admission plugins add. */
export function withAdmissionPlugins(spec: Json, random: Random): Json {
  return withDefaultTolerations(withTokenVolume(spec, random));
}

/**
 * The Priority plugin: a pod's priority (and preemption policy) come from its PriorityClass, or
 * from the cluster's globalDefault class when it names none; an unknown class is refused.
 */
export function withPriority(spec: Json, podName: string, context: HookContext): Json {
  const named = typeof spec['priorityClassName'] === 'string' ? spec['priorityClassName'] : '';
  if (named in builtinPriorities) return spec;
  const found = context.priorityClass(named === '' ? undefined : named);
  if (found === undefined && named !== '') {
    const message = `pods "${podName}" is forbidden: no PriorityClass with name ${named} was found`;
    throw new KubeError(403, 'Forbidden', message, { name: podName, kind: 'pods' });
  }
  if (found === undefined) return spec;
  return {
    ...spec,
    priorityClassName: found.metadata.name,
    priority: typeof found['value'] === 'number' ? found['value'] : 0,
    preemptionPolicy: found['preemptionPolicy'] ?? 'PreemptLowerPriority',
  };
}
