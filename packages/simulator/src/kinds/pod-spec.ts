// Pod spec defaulting and validation, shared by pods and the pod templates of workloads.
import { isRecord } from '../api/types.ts';
import type { StatusCause } from '../api/status.ts';
import { defaultContainer, defaultVolume } from './container-defaults.ts';
import { fill, isUnset, record, withList } from './defaulting.ts';
import type { Json } from './defaulting.ts';
import { required } from './kind-hooks.ts';

/** The deprecated `serviceAccount` mirrors `serviceAccountName`, as v1 conversion keeps them. */
function mirrorServiceAccount(spec: Json): Json {
  const name = isUnset(spec['serviceAccountName'])
    ? spec['serviceAccount']
    : spec['serviceAccountName'];
  if (isUnset(name)) return spec;
  return { ...spec, serviceAccountName: name, serviceAccount: name };
}

/**
 * The defaults every pod spec gets, templates included (SetDefaults_PodSpec and the container,
 * port, probe and volume defaults). Pod-only fields are added by `defaultPod`.
 */
export function defaultPodSpec(spec: unknown): Json {
  let filled = fill(record(spec), {
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    securityContext: {},
    schedulerName: 'default-scheduler',
  });
  filled = {
    ...filled,
    containers: Array.isArray(filled['containers']) ? filled['containers'] : [],
  };
  for (const field of ['containers', 'initContainers', 'ephemeralContainers']) {
    filled = withList(filled, field, defaultContainer);
  }
  return mirrorServiceAccount(withList(filled, 'volumes', defaultVolume));
}

/** Requests default to limits for each resource that has a limit but no request (SetDefaults_Pod). */
function requestsFromLimits(container: Json): Json {
  const resources = record(container['resources']);
  if (!isRecord(resources['limits'])) return container;
  const requests = { ...resources['limits'], ...record(resources['requests']) };
  return { ...container, resources: { ...resources, requests } };
}

/** With hostNetwork, container ports default their hostPort to the containerPort. */
function hostNetworkPorts(container: Json): Json {
  return withList(container, 'ports', (port) => fill(port, { hostPort: port['containerPort'] }));
}

/** Priorities of the built-in PriorityClasses; any other class (or none) is 0 here. */
export const builtinPriorities: Readonly<Record<string, number>> = {
  'system-cluster-critical': 2000000000,
  'system-node-critical': 2000001000,
};

/**
 * A pod's spec as a v1.32 server stores it: the pod spec defaults, SetDefaults_Pod (service links,
 * requests from limits) and what the ServiceAccount and Priority admission plugins add.
 */
export function defaultPod(spec: unknown): Json {
  let filled = defaultPodSpec(spec);
  for (const field of ['containers', 'initContainers']) {
    filled = withList(filled, field, requestsFromLimits);
    if (filled['hostNetwork'] === true) filled = withList(filled, field, hostNetworkPorts);
  }
  const className =
    typeof filled['priorityClassName'] === 'string' ? filled['priorityClassName'] : '';
  filled = fill(filled, {
    enableServiceLinks: true,
    serviceAccountName: 'default',
    priority: builtinPriorities[className] ?? 0,
    preemptionPolicy: 'PreemptLowerPriority',
  });
  return mirrorServiceAccount(filled);
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
