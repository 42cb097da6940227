// Timing helpers for the simulator benchmark: percentiles, bounded loops and heap measurement with a forced collection.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** The heap in use after a full collection, in bytes. */
export function settledHeap(): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}

/** The `p`th percentile of `samples` (milliseconds). */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

/** Milliseconds with one decimal. */
export function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

/** Runs `step` up to `count` times (or until `budgetMs` passes) and returns each duration in ms. */
export async function timeEach(
  count: number,
  budgetMs: number,
  step: (i: number) => Promise<void>,
): Promise<number[]> {
  const samples: number[] = [];
  const deadline = performance.now() + budgetMs;
  for (let i = 0; i < count && performance.now() < deadline; i += 1) {
    const started = performance.now();
    await step(i);
    samples.push(performance.now() - started);
  }
  return samples;
}
