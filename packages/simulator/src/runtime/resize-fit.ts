// Whether a node can hold a pod's resized requests: Infeasible past its allocatable, Deferred while other pods hold the room.
import { parseQuantity } from '@flotilla/protocol';
import { arrayAt, recordAt, stringAt } from '../api/table/json-path.ts';
import type { StoredObject } from '../api/types.ts';
import { nodeType, podType } from '../controllers/kinds.ts';
import type { ObjectStore } from '../store/object-store.ts';
import { containerResources } from '../metrics/container-usage.ts';

/** The kubelet's verdict on a resize. */
export type ResizeFit =
  | { readonly kind: 'fits' }
  | { readonly kind: 'Infeasible' | 'Deferred'; readonly message: string };

interface Amounts {
  cpu: number;
  memory: number;
}

/** What a pod's containers request, from `resources` per container (the spec's when not given). */
export function specRequests(pod: StoredObject): Amounts {
  const total = { cpu: 0, memory: 0 };
  for (const container of arrayAt(pod, 'spec.containers')) {
    const requests = recordAt(container, 'resources.requests');
    total.cpu += parseQuantity(requests['cpu']);
    total.memory += parseQuantity(requests['memory']);
  }
  return total;
}

function actualRequests(pod: StoredObject): Amounts {
  const total = { cpu: 0, memory: 0 };
  for (const name of arrayAt(pod, 'spec.containers').map((c) => stringAt(c, 'name'))) {
    const { requests } = containerResources(pod, name);
    total.cpu += requests.cpu ?? 0;
    total.memory += requests.memory ?? 0;
  }
  return total;
}

function shortfall(wanted: Amounts, room: Amounts): string[] {
  const names: string[] = [];
  if (wanted.cpu > room.cpu + 1e-9) names.push('cpu');
  if (wanted.memory > room.memory) names.push('memory');
  return names;
}

/** Checks `pod`'s new requests against its node, counting the actual requests of the other pods there. */
export function resizeFit(store: ObjectStore, pod: StoredObject): ResizeFit {
  const node = store.get(nodeType, undefined, stringAt(pod, 'spec.nodeName'));
  const allocatable = recordAt(node, 'status.allocatable');
  const capacity = {
    cpu: parseQuantity(allocatable['cpu']),
    memory: parseQuantity(allocatable['memory']),
  };
  const wanted = specRequests(pod);
  const over = shortfall(wanted, capacity);
  if (over.length > 0) {
    const [name = 'cpu'] = over;
    const message = `Node didn't have enough capacity: ${name}, requested: ${Math.round(wanted[name as keyof Amounts] * (name === 'cpu' ? 1000 : 1))}, capacity: ${Math.round(capacity[name as keyof Amounts] * (name === 'cpu' ? 1000 : 1))}`;
    return { kind: 'Infeasible', message };
  }
  const others = store
    .list(podType)
    .filter(
      (p) =>
        stringAt(p, 'spec.nodeName') === node?.metadata.name && p.metadata.uid !== pod.metadata.uid,
    );
  const used = others.reduce(
    (sum, p) => {
      const r = actualRequests(p);
      return { cpu: sum.cpu + r.cpu, memory: sum.memory + r.memory };
    },
    { cpu: 0, memory: 0 },
  );
  const room = { cpu: capacity.cpu - used.cpu, memory: capacity.memory - used.memory };
  const short = shortfall(wanted, room);
  if (short.length === 0) return { kind: 'fits' };
  return { kind: 'Deferred', message: `Node didn't have enough resource: ${short.join(', ')}` };
}
