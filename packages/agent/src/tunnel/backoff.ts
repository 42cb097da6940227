// Exponential backoff with full jitter (a delay drawn uniformly from zero to the capped
// exponential), so a fleet reconnecting after a hub restart spreads out instead of stampeding.

export interface Backoff {
  /** The delay before the next attempt; each call grows the ceiling. */
  next(): number;
  /** Back to the smallest ceiling, after a connection succeeded. */
  reset(): void;
}

/** `random` returns [0, 1); inject a fixed one in tests. */
export function fullJitterBackoff(
  baseMs: number,
  capMs: number,
  random: () => number = Math.random,
): Backoff {
  let attempt = 0;
  return {
    next() {
      const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
      attempt = Math.min(attempt + 1, 30);
      return Math.floor(random() * ceiling);
    },
    reset() {
      attempt = 0;
    },
  };
}
