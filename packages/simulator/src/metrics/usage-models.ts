// The usage models as pure functions of time: CPU in cores and memory in bytes, from a run's start, levels and a noise key.
import { unitOf } from '../runtime/hash.ts';
import type { UsageModel } from './usage-spec.ts';

/** Everything a model needs to answer for one container run at one instant. */
export interface ModelInput {
  readonly model: UsageModel;
  /** Typical CPU in cores and memory in bytes. */
  readonly cpu: number;
  readonly memory: number;
  /** Bytes per hour a leak adds. */
  readonly growthPerHour: number;
  /** When the current run started (memory is per run; a restart frees it). */
  readonly startedAt: number;
  /** Identity of the container for its noise. */
  readonly key: string;
}

/** One sample: CPU in cores, memory in bytes. */
export interface Usage {
  readonly cpu: number;
  readonly memory: number;
}

const hour = 3_600_000;
/** Metrics resolution: noise changes every 15 s, as the kubelet's summary does. */
const bucketMs = 15_000;

function noise(key: string, time: number, salt: string): number {
  return unitOf(key, salt, Math.floor(time / bucketMs)) * 2 - 1;
}

/** 1 at noon UTC, -1 at midnight: the daily shape of user traffic. */
function daily(time: number): number {
  const hours = (time % (24 * hour)) / hour;
  return Math.sin((2 * Math.PI * (hours - 6)) / 24);
}

function isBursting(key: string, time: number): boolean {
  return unitOf(key, 'burst', Math.floor(time / 60_000)) < 0.12;
}

/** Batch jobs work 3 minutes of every 10, then idle. */
function isBatchActive(time: number, startedAt: number): boolean {
  return (time - startedAt) % 600_000 < 180_000;
}

function cpuOf(input: ModelInput, time: number): number {
  const { cpu, key } = input;
  const jitter = 1 + 0.08 * noise(key, time, 'cpu');
  const uptime = time - input.startedAt;
  switch (input.model) {
    case 'steady':
    case 'leak':
      return cpu * jitter;
    case 'diurnal':
      return cpu * (1 + 0.6 * daily(time)) * jitter;
    case 'bursty':
      return (
        cpu *
        (isBursting(key, time) ? 3 + 2 * unitOf(key, 'size', Math.floor(time / 60_000)) : 0.7) *
        jitter
      );
    case 'jvm':
      return cpu * (uptime < 300_000 ? 3 : 1) * jitter;
    case 'idle':
      return 0.001 + 0.001 * Math.abs(noise(key, time, 'idle'));
    case 'batch':
      return isBatchActive(time, input.startedAt) ? cpu * 4 * jitter : cpu * 0.05;
  }
}

function memoryOf(input: ModelInput, time: number): number {
  const { memory, key } = input;
  const jitter = 1 + 0.02 * noise(key, time, 'mem');
  const uptime = Math.max(0, time - input.startedAt);
  switch (input.model) {
    case 'steady':
    case 'bursty':
      return memory * jitter;
    case 'diurnal':
      return memory * (1 + 0.2 * daily(time)) * jitter;
    case 'leak':
      return (memory + (input.growthPerHour * uptime) / hour) * jitter;
    case 'jvm':
      return memory * (uptime < 120_000 ? 0.5 : 1 + 0.1 * ((uptime % 600_000) / 600_000));
    case 'idle':
      return memory * 0.3 * jitter;
    case 'batch':
      return memory * (isBatchActive(time, input.startedAt) ? 1.2 : 0.4) * jitter;
  }
}

/** The usage of a container run at `time`, before any limit applies. */
export function usageAt(input: ModelInput, time: number): Usage {
  return { cpu: Math.max(0, cpuOf(input, time)), memory: Math.max(0, memoryOf(input, time)) };
}

/** The most memory a run of `input` can ever use (Infinity for a leak): lets the kubelet skip safe containers. */
export function peakMemory(input: ModelInput): number {
  const bounds: Readonly<Record<UsageModel, number>> = {
    steady: 1.02,
    bursty: 1.02,
    diurnal: 1.2 * 1.02,
    jvm: 1.1,
    idle: 0.3 * 1.02,
    batch: 1.2 * 1.02,
    leak: Infinity,
  };
  return input.memory * bounds[input.model];
}
