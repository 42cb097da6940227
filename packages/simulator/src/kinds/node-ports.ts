// Node port allocation for NodePort and LoadBalancer services, with the port allocator's range and messages.
import { randomInt } from '../clock.ts';
import type { Random } from '../clock.ts';
import type { StatusCause } from '../api/status.ts';
import { KubeError } from '../api/status.ts';
import { isRecord } from '../api/types.ts';
import type { KubeObject } from '../api/types.ts';
import { record } from './defaulting.ts';
import type { Json } from './defaulting.ts';
import { invalidValue } from './kind-hooks.ts';

const first = 30000;
const last = 32767;
/** The bottom band kept for requested ports: min(max(16, size/32), 128) ports (ServiceNodePortStaticSubrange). */
const staticBand = Math.min(Math.max(16, Math.floor((last - first + 1) / 32)), 128);

/** Every node port (and health check node port) that `services` hold. */
export function nodePortsOf(services: readonly KubeObject[]): Set<number> {
  const used = new Set<number>();
  for (const service of services) {
    const spec = record(service['spec']);
    const ports: unknown[] = Array.isArray(spec['ports']) ? spec['ports'] : [];
    for (const port of ports) {
      if (isRecord(port) && typeof port['nodePort'] === 'number') used.add(port['nodePort']);
    }
    if (typeof spec['healthCheckNodePort'] === 'number') used.add(spec['healthCheckNodePort']);
  }
  return used;
}

/** One allocation: ports held elsewhere in the cluster, and those this request already took. */
export class NodePortAllocation {
  readonly #taken: Set<number>;
  readonly #random: Random;

  constructor(taken: ReadonlySet<number>, random: Random) {
    this.#taken = new Set(taken);
    this.#random = random;
  }

  /** Takes a requested port, or says why it cannot be had (the allocator's error text). */
  take(port: number): string | undefined {
    if (port < first || port > last) {
      return `provided port is not in the valid range. The range of valid ports is ${first}-${last}`;
    }
    if (this.#taken.has(port)) return 'provided port is already allocated';
    this.#taken.add(port);
    return undefined;
  }

  /** A free port, from the dynamic band first, as the allocator picks them. */
  next(): number {
    const found = this.#freeIn(first + staticBand, last) ?? this.#freeIn(first, last);
    if (found === undefined) {
      throw new KubeError(500, 'InternalError', 'failed to allocate a nodePort: range is full');
    }
    this.#taken.add(found);
    return found;
  }

  #freeIn(low: number, high: number): number | undefined {
    const size = high - low + 1;
    const start = randomInt(this.#random, size);
    for (let i = 0; i < size; i += 1) {
      const port = low + ((start + i) % size);
      if (!this.#taken.has(port)) return port;
    }
    return undefined;
  }
}

/** Whether ports without a node port get one: NodePort always, LoadBalancer unless told not to. */
function allocatesNodePorts(spec: Json): boolean {
  if (spec['type'] === 'NodePort') return true;
  return spec['type'] === 'LoadBalancer' && spec['allocateLoadBalancerNodePorts'] !== false;
}

/**
 * The service's ports with node ports allocated (ports sharing a port number share a node port)
 * and the causes of requested ports that cannot be had.
 */
export function assignNodePorts(
  spec: Json,
  allocation: NodePortAllocation,
): { ports: unknown[]; causes: StatusCause[] } {
  const ports: unknown[] = Array.isArray(spec['ports']) ? spec['ports'] : [];
  const byPort = new Map<unknown, number>();
  const causes: StatusCause[] = [];
  const assigned = ports.map((port: unknown, i) => {
    if (!isRecord(port)) return port;
    const requested = typeof port['nodePort'] === 'number' ? port['nodePort'] : 0;
    const shared = byPort.get(port['port']);
    if (requested === 0 && shared !== undefined) return { ...port, nodePort: shared };
    if (requested === 0 && !allocatesNodePorts(spec)) return port;
    if (requested !== 0 && requested === shared) return port;
    const problem = requested === 0 ? undefined : allocation.take(requested);
    if (problem) causes.push(invalidValue(`spec.ports[${i}].nodePort`, requested, problem));
    const nodePort = requested === 0 ? allocation.next() : requested;
    if (shared === undefined) byPort.set(port['port'], nodePort);
    return { ...port, nodePort };
  });
  return { ports: assigned, causes };
}
