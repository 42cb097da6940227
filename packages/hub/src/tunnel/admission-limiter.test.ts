import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenBucket } from './admission-limiter.ts';

void test('a burst is admitted at once, then the rate holds', () => {
  let now = 0;
  const limiter = tokenBucket(10, 3, () => now);
  assert.deepEqual(
    [1, 2, 3, 4].map(() => limiter.tryAdmit()),
    [true, true, true, false],
  );
  assert.equal(limiter.retryAfterSeconds(), 1);
  now += 100;
  assert.equal(limiter.tryAdmit(), true);
  assert.equal(limiter.tryAdmit(), false);
  now += 10_000;
  assert.deepEqual(
    [1, 2, 3, 4].map(() => limiter.tryAdmit()),
    [true, true, true, false],
  );
});
