// The clocks tests and benchmarks use: a scaled clock runs faster than its base, a manual one moves only when told.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { manualClock, scaledClock } from './clocks.ts';

void test('a scaled clock runs timeScale times faster than its base, from its start', () => {
  const base = manualClock(1_000);
  const clock = scaledClock(3600, Date.parse('2025-06-01T00:00:00Z'), base);
  assert.equal(clock.now(), Date.parse('2025-06-01T00:00:00Z'));
  base.advance(1_000);
  assert.equal(clock.now(), Date.parse('2025-06-01T01:00:00Z'));
});

void test('a scaled clock refuses a time scale that is not positive', () => {
  assert.throws(() => scaledClock(0), /timeScale must be positive/);
});

void test('a manual clock stands still until advanced or set', () => {
  const clock = manualClock(5);
  assert.equal(clock.now(), 5);
  clock.advance(10);
  assert.equal(clock.now(), 15);
  clock.set(2);
  assert.equal(clock.now(), 2);
});
