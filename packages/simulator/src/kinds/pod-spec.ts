// Pod spec defaulting and validation, shared by pods and the pod templates of workloads.
import { isRecord } from '../api/types.ts';
import type { StatusCause } from '../api/status.ts';
import { required } from './kind-hooks.ts';

type Json = Record<string, unknown>;

function defaultContainer(container: unknown): unknown {
  if (!isRecord(container)) return container;
  const image = typeof container['image'] === 'string' ? container['image'] : '';
  const isLatest = !image.includes(':') || image.endsWith(':latest');
  return {
    resources: {},
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    imagePullPolicy: isLatest ? 'Always' : 'IfNotPresent',
    ...container,
  };
}

/** The API server's pod spec defaults (restart policy, DNS, scheduler, container fields). */
export function defaultPodSpec(spec: unknown): Json {
  const base = isRecord(spec) ? spec : {};
  const containers = Array.isArray(base['containers']) ? base['containers'] : [];
  return {
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    serviceAccountName: 'default',
    serviceAccount: 'default',
    securityContext: {},
    schedulerName: 'default-scheduler',
    enableServiceLinks: true,
    preemptionPolicy: 'PreemptLowerPriority',
    priority: 0,
    ...base,
    containers: containers.map(defaultContainer),
  };
}

/** Field errors of a pod spec at `path` (`spec` or `spec.template.spec`). */
export function validatePodSpec(spec: unknown, path: string): StatusCause[] {
  const containers = isRecord(spec) ? spec['containers'] : undefined;
  if (!Array.isArray(containers) || containers.length === 0) {
    return [required(`${path}.containers`)];
  }
  return containers.flatMap((container: unknown, i) => {
    const at = `${path}.containers[${i}]`;
    if (!isRecord(container)) return [required(at)];
    const causes: StatusCause[] = [];
    if (typeof container['name'] !== 'string' || !container['name'])
      causes.push(required(`${at}.name`));
    if (typeof container['image'] !== 'string' || !container['image'])
      causes.push(required(`${at}.image`));
    return causes;
  });
}

/** The QoS class the API server records in a new pod's status. */
export function qosClass(spec: Json): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = Array.isArray(spec['containers']) ? (spec['containers'] as unknown[]) : [];
  const resources = containers.map((c) =>
    isRecord(c) && isRecord(c['resources']) ? c['resources'] : {},
  );
  const hasAny = resources.some((r) => isRecord(r['requests']) || isRecord(r['limits']));
  if (!hasAny) return 'BestEffort';
  const isGuaranteed = resources.every((r) => {
    const limits = isRecord(r['limits']) ? r['limits'] : {};
    const requests = isRecord(r['requests']) ? r['requests'] : limits;
    return ['cpu', 'memory'].every((k) => limits[k] !== undefined && limits[k] === requests[k]);
  });
  return isGuaranteed ? 'Guaranteed' : 'Burstable';
}
