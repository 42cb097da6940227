// A bounded history of store changes, so watches can resume from a resourceVersion until it is compacted.
import type { ResourceType } from '../api/resource-types.ts';
import type { StoredObject } from '../api/types.ts';

/** The change kinds a watch reports (BOOKMARK and ERROR are made by the watch itself). */
export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One committed change; `previous` is the object before a modification or deletion. */
export interface StoreEvent {
  readonly type: ChangeType;
  readonly revision: number;
  readonly resource: ResourceType;
  readonly object: StoredObject;
  readonly previous?: StoredObject;
}

/** Keeps the last `capacity` events in a ring; older revisions are compacted as etcd compacts them. */
export class EventLog {
  readonly #capacity: number;
  readonly #events: StoreEvent[] = [];
  #start = 0;
  #compactedRevision = 0;

  constructor(capacity: number) {
    this.#capacity = Math.max(1, capacity);
  }

  /** The newest revision no longer in the history; resuming from before it is impossible. */
  get compactedRevision(): number {
    return this.#compactedRevision;
  }

  /** Records `event`, dropping the oldest one when full. */
  append(event: StoreEvent): void {
    if (this.#events.length < this.#capacity) {
      this.#events.push(event);
      return;
    }
    const dropped = this.#events[this.#start];
    this.#events[this.#start] = event;
    this.#start = (this.#start + 1) % this.#capacity;
    if (dropped) this.#compactedRevision = dropped.revision;
  }

  /** Events after `revision`, oldest first; undefined when some of them were compacted away. */
  since(revision: number): StoreEvent[] | undefined {
    if (revision < this.#compactedRevision) return undefined;
    const ordered = [...this.#events.slice(this.#start), ...this.#events.slice(0, this.#start)];
    return ordered.filter((event) => event.revision > revision);
  }
}
