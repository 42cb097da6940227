// The usage models as functions of time: deterministic, and shaped as their names promise.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { usageAt } from './usage-models.ts';
import type { ModelInput } from './usage-models.ts';
import type { UsageModel } from './usage-spec.ts';

const mi = 2 ** 20;
const day = Date.parse('2025-06-01T00:00:00Z');
const hour = 3_600_000;

function input(model: UsageModel, overrides: Partial<ModelInput> = {}): ModelInput {
  return {
    model,
    cpu: 0.2,
    memory: 100 * mi,
    growthPerHour: 50 * mi,
    startedAt: day,
    key: 'k',
    ...overrides,
  };
}

void test('the same input and instant always give the same usage', () => {
  for (const model of ['steady', 'diurnal', 'bursty', 'leak', 'jvm', 'idle', 'batch'] as const) {
    assert.deepEqual(usageAt(input(model), day + 5 * hour), usageAt(input(model), day + 5 * hour));
  }
});

void test('diurnal peaks at noon UTC and bottoms out at midnight', () => {
  const cpuAt = (h: number) => usageAt(input('diurnal'), day + h * hour).cpu;
  assert.ok(cpuAt(12) > cpuAt(6) && cpuAt(6) > cpuAt(0));
  assert.ok(cpuAt(12) > 3 * cpuAt(0));
});

void test('a leak grows memory with uptime, and a restart starts it over', () => {
  const early = usageAt(input('leak'), day + hour).memory;
  const late = usageAt(input('leak'), day + 4 * hour).memory;
  assert.ok(late > early + 100 * mi);
  const restarted = usageAt(input('leak', { startedAt: day + 4 * hour }), day + 4 * hour).memory;
  assert.ok(restarted < 110 * mi);
});

void test('a JVM steps its heap up after warm-up and burns CPU while compiling', () => {
  const warmup = usageAt(input('jvm'), day + 60_000);
  const settled = usageAt(input('jvm'), day + hour);
  assert.ok(settled.memory > 1.5 * warmup.memory);
  assert.ok(warmup.cpu > 2 * settled.cpu);
});

void test('batch works in bursts and idles between them; idle stays near zero', () => {
  const working = usageAt(input('batch'), day + 60_000).cpu;
  const resting = usageAt(input('batch'), day + 300_000).cpu;
  assert.ok(working > 10 * resting);
  assert.ok(usageAt(input('idle'), day + hour).cpu < 0.003);
});

void test('bursty spends most minutes below its level and some far above it', () => {
  const samples = Array.from(
    { length: 600 },
    (_, i) => usageAt(input('bursty'), day + i * 60_000).cpu,
  );
  assert.ok(samples.filter((cpu) => cpu > 0.5).length > 20);
  assert.ok(samples.filter((cpu) => cpu < 0.2).length > 400);
});
