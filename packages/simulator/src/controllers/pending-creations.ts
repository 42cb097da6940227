// Creations a controller has in flight through admission webhooks, like the real controllers' "expectations":
// an owner with creations outstanding is not reconciled again until they land, so it never over-creates.
import type { StoredObject } from '../api/types.ts';

/** Retry delays after failed creations grow from here, doubling up to the ceiling. */
const firstRetryMs = 100;
const lastRetryMs = 30_000;

/** One controller's outstanding creations, by owner. */
export class PendingCreations {
  readonly #inFlight = new Map<string, number>();
  readonly #failures = new Map<string, number>();
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #wake: (key: string) => void;

  /** `wake` queues the owner's key for its controller again. */
  constructor(wake: (key: string) => void) {
    this.#wake = wake;
  }

  /** True while `owner` waits for creations; its controller should leave it alone until woken. */
  isBusy(owner: StoredObject): boolean {
    return this.#inFlight.has(owner.metadata.uid);
  }

  /** Holds `owner` until `creation` settles; a failure wakes it after a growing delay. */
  track(owner: StoredObject, creation: Promise<unknown>): void {
    const { uid } = owner.metadata;
    const key = `${owner.metadata.namespace ?? ''}/${owner.metadata.name}`;
    this.#inFlight.set(uid, (this.#inFlight.get(uid) ?? 0) + 1);
    creation.then(
      () => this.#settle(uid, key, 0),
      () => this.#settle(uid, key, this.#backoff(uid)),
    );
  }

  /** Cancels pending wake-ups. */
  stop(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  #backoff(uid: string): number {
    const failures = (this.#failures.get(uid) ?? 0) + 1;
    this.#failures.set(uid, failures);
    return Math.min(firstRetryMs * 2 ** (failures - 1), lastRetryMs);
  }

  #settle(uid: string, key: string, delayMs: number): void {
    const left = (this.#inFlight.get(uid) ?? 1) - 1;
    if (left > 0) {
      this.#inFlight.set(uid, left);
      return;
    }
    this.#inFlight.delete(uid);
    if (delayMs === 0) {
      this.#failures.delete(uid);
      this.#wake(key);
      return;
    }
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      this.#wake(key);
    }, delayMs);
    timer.unref();
    this.#timers.add(timer);
  }
}
