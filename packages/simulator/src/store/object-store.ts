// The in-memory object store of one cluster: every kind, one revision counter, change listeners.
import type { ResourceType } from '../api/resource-types.ts';
import type { StoredObject } from '../api/types.ts';
import { EventLog } from './event-log.ts';
import type { ChangeType, StoreEvent } from './event-log.ts';

/** Called synchronously after each committed change. */
export type StoreListener = (event: StoreEvent) => void;

function keyOf(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

function tableKey(type: ResourceType): string {
  return `${type.group}/${type.plural}`;
}

/** The index of the first of the sorted `keys` not below `prefix` (binary search). */
function firstAtLeast(keys: readonly string[], prefix: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((keys[middle] ?? '') < prefix) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Low-level storage like etcd: no validation, just revisions. Stored objects are never mutated
 * in place; each write replaces the object, so readers may hold references safely.
 */
export class ObjectStore {
  readonly log: EventLog;
  readonly #tables = new Map<string, Map<string, StoredObject>>();
  readonly #types = new Map<string, ResourceType>();
  /** Owner uid → the objects whose ownerReferences name it, as table key → object key. */
  readonly #owned = new Map<string, Map<string, { table: string; key: string }>>();
  /** Each table's keys in etcd order, rebuilt only after a key is added or removed. */
  readonly #sortedKeys = new Map<string, string[]>();
  readonly #listeners = new Set<StoreListener>();
  #revision = 1;

  constructor(historySize: number) {
    this.log = new EventLog(historySize);
  }

  /** The newest committed revision (the cluster's current resourceVersion). */
  get revision(): number {
    return this.#revision;
  }

  /** Reserves the next revision for an object about to be written. */
  nextRevision(): string {
    return String(this.#revision + 1);
  }

  /** The stored object, if any. */
  get(type: ResourceType, namespace: string | undefined, name: string): StoredObject | undefined {
    return this.#table(type).get(keyOf(namespace, name));
  }

  /** Objects of `type` (in `namespace` when given), sorted by namespace then name like etcd keys. */
  list(type: ResourceType, namespace?: string): StoredObject[] {
    const table = this.#table(type);
    const keys = this.#keysInOrder(type, table);
    const prefix = namespace === undefined ? '' : `${namespace}/`;
    const objects: StoredObject[] = [];
    for (let i = firstAtLeast(keys, prefix); i < keys.length; i++) {
      const key = keys[i] ?? '';
      if (!key.startsWith(prefix)) break;
      const object = table.get(key);
      if (object !== undefined) objects.push(object);
    }
    return objects;
  }

  /** Writes `object` (whose resourceVersion came from `nextRevision`) and notifies listeners. */
  put(type: ResourceType, object: StoredObject): StoredObject {
    const key = keyOf(object.metadata.namespace, object.metadata.name);
    const previous = this.#table(type).get(key);
    this.#table(type).set(key, object);
    if (previous === undefined) this.#sortedKeys.delete(tableKey(type));
    this.#indexOwners(type, key, previous, object);
    this.#commit(previous ? 'MODIFIED' : 'ADDED', type, object, previous);
    return object;
  }

  /** Removes the object; the DELETED event carries it at the deletion's new revision. */
  remove(type: ResourceType, object: StoredObject): StoredObject {
    const key = keyOf(object.metadata.namespace, object.metadata.name);
    const previous = this.#table(type).get(key);
    this.#table(type).delete(key);
    this.#sortedKeys.delete(tableKey(type));
    this.#indexOwners(type, key, previous, undefined);
    const gone = {
      ...object,
      metadata: { ...object.metadata, resourceVersion: this.nextRevision() },
    };
    this.#commit('DELETED', type, gone, previous);
    return gone;
  }

  /** The objects whose ownerReferences name `ownerUid`, with their types (any namespace). */
  ownedBy(ownerUid: string): { type: ResourceType; object: StoredObject }[] {
    const found: { type: ResourceType; object: StoredObject }[] = [];
    for (const { table, key } of this.#owned.get(ownerUid)?.values() ?? []) {
      const type = this.#types.get(table);
      const object = this.#tables.get(table)?.get(key);
      if (type !== undefined && object !== undefined) found.push({ type, object });
    }
    return found;
  }

  /** Every type that has (or had) objects stored, custom resources included. */
  types(): ResourceType[] {
    return [...this.#types.values()];
  }

  /** Registers `listener` for every later change; returns its unsubscribe function. */
  subscribe(listener: StoreListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #commit(type: ChangeType, resource: ResourceType, object: StoredObject, previous?: StoredObject) {
    this.#revision += 1;
    const event: StoreEvent = { type, revision: this.#revision, resource, object, previous };
    this.log.append(event);
    for (const listener of this.#listeners) listener(event);
  }

  #indexOwners(
    type: ResourceType,
    key: string,
    previous: StoredObject | undefined,
    next: StoredObject | undefined,
  ): void {
    const table = tableKey(type);
    const entry = `${table}|${key}`;
    for (const ref of previous?.metadata.ownerReferences ?? []) {
      const owned = this.#owned.get(ref.uid);
      owned?.delete(entry);
      if (owned?.size === 0) this.#owned.delete(ref.uid);
    }
    for (const ref of next?.metadata.ownerReferences ?? []) {
      const owned = this.#owned.get(ref.uid) ?? new Map<string, { table: string; key: string }>();
      owned.set(entry, { table, key });
      this.#owned.set(ref.uid, owned);
    }
  }

  #keysInOrder(type: ResourceType, table: Map<string, StoredObject>): string[] {
    const cached = this.#sortedKeys.get(tableKey(type));
    if (cached !== undefined) return cached;
    const keys = [...table.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    this.#sortedKeys.set(tableKey(type), keys);
    return keys;
  }

  #table(type: ResourceType): Map<string, StoredObject> {
    const key = tableKey(type);
    const existing = this.#tables.get(key);
    if (existing) return existing;
    const table = new Map<string, StoredObject>();
    this.#tables.set(key, table);
    this.#types.set(key, type);
    return table;
  }
}
