// Clocks for tests and benchmarks: one that runs faster than real time, and one that moves only when told.
import type { Clock } from '../clock.ts';

/** A clock that starts at `start` and runs `timeScale` times faster than `base` (real time by default). */
export function scaledClock(
  timeScale: number,
  start?: number,
  base: Clock = { now: Date.now },
): Clock {
  if (!(timeScale > 0)) throw new Error(`timeScale must be positive, got ${timeScale}`);
  const origin = base.now();
  const from = start ?? origin;
  return Object.freeze({ now: () => from + Math.floor((base.now() - origin) * timeScale) });
}

/** A clock that stands still until `advance` or `set` moves it: deterministic tests. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(time: number): void;
}

/** A `ManualClock` reading `start` until moved. */
export function manualClock(start: number): ManualClock {
  let time = start;
  return {
    now: () => time,
    advance: (ms) => {
      time += ms;
    },
    set: (next) => {
      time = next;
    },
  };
}
