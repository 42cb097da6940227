// The log of one container run as a timeline: startup lines, then steady lines at a per-container pace, all derived from the seed.
import type { ContainerRun } from './container-instances.ts';
import { hashOf } from './hash.ts';
import { familyOf, startupLines, steadyLine } from './log-formats.ts';
import type { LogFamily } from './log-formats.ts';

/** One line of a container log, with the instant it was written. */
export interface LogLine {
  readonly time: number;
  readonly text: string;
}

/** Lines a run keeps, as the kubelet's log rotation (10 MiB by default) bounds what can be read. */
export const retainedLines = 5000;

/** Milliseconds between steady lines, by family: busy proxies talk more than databases. */
const paces: Readonly<Record<LogFamily, readonly [min: number, max: number]>> = {
  nginx: [1500, 4000],
  app: [2000, 8000],
  coredns: [3000, 10000],
  postgres: [15000, 45000],
  redis: [20000, 60000],
};

/** A run's log timeline: which lines exist when, and what they say. */
export class LogTimeline {
  readonly #run: ContainerRun;
  readonly #seed: number;
  readonly #family: LogFamily;
  readonly #startup: readonly string[];
  readonly #period: number;

  constructor(run: ContainerRun, seed: number) {
    this.#run = run;
    this.#seed = seed;
    this.#family = familyOf(run.image);
    this.#startup = startupLines(this.#family);
    const [min, max] = paces[this.#family];
    this.#period = min + (hashOf(seed, run.podUid, run.container, 'pace') % (max - min));
  }

  /** How many lines the run has written by `time` (never past its end). */
  countAt(time: number): number {
    const until = Math.min(time, this.#run.finishedAt ?? Infinity);
    const base = this.#run.startedAt;
    if (until < base) return 0;
    const startupCount = Math.min(this.#startup.length, Math.floor((until - base) / 7) + 1);
    if (startupCount < this.#startup.length) return startupCount;
    const candidate = Math.floor((until - base) / this.#period);
    const steady =
      candidate >= 1 && this.#steadyTime(candidate) > until ? candidate - 1 : candidate;
    return this.#startup.length + Math.max(0, steady);
  }

  /** Lines `from` (inclusive) to `to` (exclusive), by index from the run's first line. */
  lines(from: number, to: number): LogLine[] {
    const result: LogLine[] = [];
    for (let index = Math.max(0, from); index < to; index += 1) result.push(this.line(index));
    return result;
  }

  /** The line at `index`. */
  line(index: number): LogLine {
    const run = this.#run;
    const startup = this.#startup[index];
    if (startup !== undefined) return { time: run.startedAt + index * 7, text: startup };
    const k = index - this.#startup.length + 1;
    const time = this.#steadyTime(k);
    const key = `${this.#seed}|${run.podUid}|${run.container}|${run.attempt}|${k}`;
    return { time, text: steadyLine(this.#family, time, key) };
  }

  /** Steady line `k` (from 1) falls in the first half of its period, so times only grow. */
  #steadyTime(k: number): number {
    const run = this.#run;
    const jitter =
      hashOf(this.#seed, run.podUid, run.container, run.attempt, k) % (this.#period / 2);
    return run.startedAt + k * this.#period + Math.floor(jitter);
  }
}

/** RFC 3339 with nanoseconds, as the container runtime stamps lines (`--timestamps`). */
export function nanoTimestamp(line: LogLine): string {
  const iso = new Date(line.time).toISOString();
  const nanos = String(hashOf(line.time, line.text) % 1_000_000).padStart(6, '0');
  return `${iso.slice(0, 23)}${nanos}Z`;
}
