// Requests of the active pods bound to each node, kept current from store events: placing a pod then costs
// the number of nodes, not a recount of every pod in the cluster; the pods waiting for a node are
// kept the same way, so a deletion does not list every pod to find them.
import { stringAt } from '../api/table/json-path.ts';
import type { StoredObject } from '../api/types.ts';
import type { ObjectStore } from '../store/object-store.ts';
import { keyOf, podType } from './kinds.ts';
import type { Resources } from './node-filters.ts';
import { podRequests } from './scheduler.ts';

/** What one pod adds to its node. */
interface Share {
  readonly node: string;
  readonly asks: Resources;
}

function shareOf(pod: StoredObject | undefined): Share | undefined {
  if (!pod) return undefined;
  const node = stringAt(pod, 'spec.nodeName');
  const phase = stringAt(pod, 'status.phase');
  if (!node || phase === 'Succeeded' || phase === 'Failed') return undefined;
  return { node, asks: podRequests(pod) };
}

function add(total: Resources | undefined, asks: Resources, sign: 1 | -1): Resources {
  const base = total ?? { cpu: 0, memory: 0, pods: 0 };
  return {
    cpu: base.cpu + sign * asks.cpu,
    memory: base.memory + sign * asks.memory,
    pods: base.pods + sign * asks.pods,
  };
}

/** The per-node sums of one store's pods, and the pods still waiting for a node. */
class NodeUsage {
  readonly byNode = new Map<string, Resources>();
  readonly pending = new Set<string>();
  readonly #shares = new Map<string, Share>();

  constructor(store: ObjectStore) {
    for (const pod of store.list(podType)) this.#update(pod, false);
    store.subscribe((event) => {
      if (event.resource === podType) this.#update(event.object, event.type === 'DELETED');
    });
  }

  #update(pod: StoredObject, isDeleted: boolean): void {
    this.#set(pod, isDeleted ? undefined : shareOf(pod));
    const key = keyOf(pod);
    const isWaiting =
      !isDeleted && !stringAt(pod, 'spec.nodeName') && !pod.metadata.deletionTimestamp;
    if (isWaiting) this.pending.add(key);
    else this.pending.delete(key);
  }

  #set(pod: StoredObject, share: Share | undefined): void {
    const key = keyOf(pod);
    const old = this.#shares.get(key);
    if (old) this.byNode.set(old.node, add(this.byNode.get(old.node), old.asks, -1));
    if (share) this.byNode.set(share.node, add(this.byNode.get(share.node), share.asks, 1));
    if (share) this.#shares.set(key, share);
    else this.#shares.delete(key);
  }
}

const usages = new WeakMap<ObjectStore, NodeUsage>();

function usageOf(store: ObjectStore): NodeUsage {
  let usage = usages.get(store);
  if (!usage) {
    usage = new NodeUsage(store);
    usages.set(store, usage);
  }
  return usage;
}

/** Requests bound to each node of `store`'s cluster, by node name. */
export function nodeUsage(store: ObjectStore): ReadonlyMap<string, Resources> {
  return usageOf(store).byNode;
}

/** Keys (`namespace/name`) of the pods waiting for a node, in store order. */
export function pendingPods(store: ObjectStore): string[] {
  return [...usageOf(store).pending].sort();
}
