// Service defaulting as kube-apiserver does it: SetDefaults_Service, IP family fields, cluster IPs and node ports.
import { omit } from '../api/omit.ts';
import { invalid } from '../api/status.ts';
import { typeOfKind } from '../api/resource-types.ts';
import type { KubeObject } from '../api/types.ts';
import { fill, isUnset, record, withList } from './defaulting.ts';
import type { Json } from './defaulting.ts';
import type { HookContext, KindHooks } from './kind-hooks.ts';
import { assignNodePorts, nodePortsOf, NodePortAllocation } from './node-ports.ts';
import {
  carryAllocations,
  dropTypeDependentFields,
  isExternallyAccessible,
} from './service-update.ts';

const serviceType = typeOfKind('', 'Service');

function defaultPort(port: Json): Json {
  const target = port['targetPort'];
  const hasTarget = !isUnset(target) && target !== 0;
  return { ...fill(port, { protocol: 'TCP' }), targetPort: hasTarget ? target : port['port'] };
}

function sessionAffinity(spec: Json): Json {
  const filled = fill(spec, { sessionAffinity: 'None' });
  if (filled['sessionAffinity'] === 'None') {
    return omit(filled, 'sessionAffinityConfig');
  }
  const timeout = record(record(filled['sessionAffinityConfig'])['clientIP'])['timeoutSeconds'];
  if (filled['sessionAffinity'] !== 'ClientIP' || typeof timeout === 'number') return filled;
  return { ...filled, sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } } };
}

/** SetDefaults_Service: affinity, type, port protocols and target ports, traffic policies. */
export function serviceDefaults(given: Json): Json {
  let spec = withList(fill(sessionAffinity(given), { type: 'ClusterIP' }), 'ports', defaultPort);
  if (isExternallyAccessible(spec)) spec = fill(spec, { externalTrafficPolicy: 'Cluster' });
  if (spec['type'] !== 'ExternalName') spec = fill(spec, { internalTrafficPolicy: 'Cluster' });
  if (spec['type'] === 'LoadBalancer') spec = fill(spec, { allocateLoadBalancerNodePorts: true });
  return spec;
}

function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : undefined;
}

/** clusterIP and clusterIPs agree; a missing one is taken from the other. */
function normalizeClusterIps(spec: Json): Json {
  const clusterIP = isUnset(spec['clusterIP']) ? firstOf(spec['clusterIPs']) : spec['clusterIP'];
  if (isUnset(clusterIP)) return spec;
  const clusterIPs = Array.isArray(spec['clusterIPs']) ? spec['clusterIPs'] : [clusterIP];
  return { ...spec, clusterIP, clusterIPs };
}

/** The given policy, else the stored one, else RequireDualStack for selectorless headless services. */
function familyPolicy(spec: Json, isSelectorlessHeadless: boolean, previous?: Json): unknown {
  if (!isUnset(spec['ipFamilyPolicy'])) return spec['ipFamilyPolicy'];
  if (previous && !isUnset(previous['ipFamilyPolicy'])) return previous['ipFamilyPolicy'];
  return isSelectorlessHeadless ? 'RequireDualStack' : 'SingleStack';
}

/** ipFamilyPolicy, ipFamilies and (for services that get one) a cluster IP, on a single-stack IPv4 cluster. */
export function ipFields(spec: Json, allocate: (() => string) | undefined, previous?: Json): Json {
  if (spec['type'] === 'ExternalName') return spec;
  const normalized = normalizeClusterIps(spec);
  const isHeadless = normalized['clusterIP'] === 'None';
  const isSelectorless = Object.keys(record(normalized['selector'])).length === 0;
  const policy = familyPolicy(normalized, isHeadless && isSelectorless, previous);
  const given: unknown[] = Array.isArray(normalized['ipFamilies']) ? normalized['ipFamilies'] : [];
  const families = given.length > 0 ? given : ['IPv4'];
  const isDual = isHeadless && isSelectorless && policy !== 'SingleStack' && families.length < 2;
  const ipFamilies = isDual ? [...families, families[0] === 'IPv4' ? 'IPv6' : 'IPv4'] : families;
  const withFamilies: Json = { ...normalized, ipFamilyPolicy: policy, ipFamilies };
  if (!isUnset(withFamilies['clusterIP']) || !allocate) return withFamilies;
  const clusterIP = allocate();
  return { ...withFamilies, clusterIP, clusterIPs: [clusterIP] };
}

/** Node ports (and a health check node port for Local LoadBalancers), or the 422 for taken ones. */
function withNodePorts(object: KubeObject, spec: Json, allocation: NodePortAllocation): Json {
  const { ports, causes } = assignNodePorts(spec, allocation);
  if (causes.length > 0) throw invalid(serviceType, object.metadata.name ?? '', causes);
  const assigned = Array.isArray(spec['ports']) ? { ...spec, ports } : spec;
  const needsHealthCheck =
    assigned['type'] === 'LoadBalancer' && assigned['externalTrafficPolicy'] === 'Local';
  if (!needsHealthCheck || !isUnset(assigned['healthCheckNodePort'])) return assigned;
  return { ...assigned, healthCheckNodePort: allocation.next() };
}

function defaultCreate(object: KubeObject, context: HookContext): KubeObject {
  const defaulted = ipFields(serviceDefaults(record(object['spec'])), () =>
    context.allocateServiceIp(),
  );
  const allocation = new NodePortAllocation(context.usedNodePorts(), context.random);
  const spec = withNodePorts(object, defaulted, allocation);
  return { ...object, spec, status: { loadBalancer: {} } };
}

function defaultUpdate(
  object: KubeObject,
  previous: KubeObject,
  context?: HookContext,
): KubeObject {
  const before = record(previous['spec']);
  const carried = carryAllocations(serviceDefaults(record(object['spec'])), before);
  const wasExternalName = before['type'] === 'ExternalName';
  const allocate = wasExternalName && context ? () => context.allocateServiceIp() : undefined;
  const defaulted = ipFields(dropTypeDependentFields(carried, before), allocate, before);
  if (!context) return { ...object, spec: defaulted };
  const own = nodePortsOf([previous]);
  const others = [...context.usedNodePorts()].filter((port) => !own.has(port));
  const allocation = new NodePortAllocation(new Set(others), context.random);
  return { ...object, spec: withNodePorts(object, defaulted, allocation) };
}

/** Services: defaults, a cluster IP from the service range, node ports unique in the cluster. */
export const serviceHooks: KindHooks = { defaultCreate, defaultUpdate };
