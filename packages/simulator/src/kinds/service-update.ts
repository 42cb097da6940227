// What a Service update keeps from before (allocated IPs and ports) and drops when its type no longer needs it.
import { isDeepStrictEqual } from 'node:util';
import { omit } from '../api/omit.ts';
import { isRecord } from '../api/types.ts';
import { isUnset, record } from './defaulting.ts';
import type { Json } from './defaulting.ts';

function needsClusterIp(spec: Json): boolean {
  return spec['type'] !== 'ExternalName';
}

function needsNodePorts(spec: Json): boolean {
  return spec['type'] === 'NodePort' || spec['type'] === 'LoadBalancer';
}

function needsHealthCheck(spec: Json): boolean {
  return spec['type'] === 'LoadBalancer' && spec['externalTrafficPolicy'] === 'Local';
}

/** LoadBalancer, NodePort, or ClusterIP with external IPs: these get an externalTrafficPolicy. */
export function isExternallyAccessible(spec: Json): boolean {
  const type = spec['type'];
  const hasExternalIps = Array.isArray(spec['externalIPs']) && spec['externalIPs'].length > 0;
  return type === 'LoadBalancer' || type === 'NodePort' || (type === 'ClusterIP' && hasExternalIps);
}

function portsOf(spec: Json): Json[] {
  const ports: unknown[] = Array.isArray(spec['ports']) ? spec['ports'] : [];
  return ports.map(record);
}

/** Node ports the update left out come back from the old port of the same name, unless reused. */
function carryNodePorts(spec: Json, before: Json): Json {
  const used = new Set(portsOf(spec).map((port) => port['nodePort']));
  const old = new Map(portsOf(before).map((port) => [port['name'] ?? '', port['nodePort']]));
  const ports = portsOf(spec).map((port) => {
    const previous = old.get(port['name'] ?? '');
    const isFree = typeof previous === 'number' && !used.has(previous);
    return isUnset(port['nodePort']) && isFree ? { ...port, nodePort: previous } : port;
  });
  return Array.isArray(spec['ports']) ? { ...spec, ports } : spec;
}

/** The cluster IPs and node ports an update omitted, taken from the stored service (patchAllocatedValues). */
export function carryAllocations(spec: Json, before: Json): Json {
  let carried = spec;
  if (needsClusterIp(before) && needsClusterIp(carried)) {
    if (isUnset(carried['clusterIP'])) carried = { ...carried, clusterIP: before['clusterIP'] };
    if (!Array.isArray(carried['clusterIPs']) && Array.isArray(before['clusterIPs']))
      carried = { ...carried, clusterIPs: before['clusterIPs'] };
  }
  if (needsNodePorts(before) && needsNodePorts(carried)) carried = carryNodePorts(carried, before);
  if (
    needsHealthCheck(before) &&
    needsHealthCheck(carried) &&
    isUnset(carried['healthCheckNodePort'])
  )
    carried = { ...carried, healthCheckNodePort: before['healthCheckNodePort'] };
  return carried;
}

function without(spec: Json, before: Json, fields: readonly string[]): Json {
  const kept = { ...spec };
  for (const field of fields) {
    if (isDeepStrictEqual(kept[field], before[field])) delete kept[field];
  }
  return kept;
}

function withoutNodePorts(spec: Json, before: Json): Json {
  const same = isDeepStrictEqual(
    portsOf(spec).map((port) => port['nodePort']),
    portsOf(before).map((port) => port['nodePort']),
  );
  if (!same || !Array.isArray(spec['ports'])) return spec;
  const ports: unknown[] = spec['ports'];
  const stripped = ports.map((port) => {
    if (!isRecord(port)) return port;
    return omit(port, 'nodePort');
  });
  return { ...spec, ports: stripped };
}

/** Fields the new type does not use, dropped when the update merely carried them over (dropTypeDependentFields). */
export function dropTypeDependentFields(spec: Json, before: Json): Json {
  let kept = spec;
  if (needsClusterIp(before) && !needsClusterIp(kept)) {
    const fields = [
      'clusterIP',
      'clusterIPs',
      'ipFamilies',
      'ipFamilyPolicy',
      'internalTrafficPolicy',
    ];
    kept = without(kept, before, fields);
  }
  if (needsNodePorts(before) && !needsNodePorts(kept)) kept = withoutNodePorts(kept, before);
  if (needsHealthCheck(before) && !needsHealthCheck(kept))
    kept = without(kept, before, ['healthCheckNodePort']);
  if (kept['type'] !== 'LoadBalancer')
    kept = without(kept, before, ['allocateLoadBalancerNodePorts']);
  if (!isExternallyAccessible(kept)) kept = without(kept, before, ['externalTrafficPolicy']);
  return kept;
}
