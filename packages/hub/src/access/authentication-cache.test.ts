// The proxy's authentication cache: reused only briefly, never past a token's expiry, and stale at
// once when access changes in this process; failures are never remembered.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessChanged } from './access-changes.ts';
import { cachedAuthentication, type Authentication } from './authentication-cache.ts';
import type { Subject } from './can.ts';

const alice: Subject = { kind: 'user', name: 'alice', groups: [], grants: [], via: 'token' };

function counting(answer: () => Authentication | Promise<Authentication>) {
  const calls = { count: 0 };
  const resolve = async () => {
    calls.count++;
    return answer();
  };
  return { calls, resolve };
}

const clock = (at: number) => () => new Date(at);

void test('a token is resolved once while its entry is fresh', async () => {
  const { calls, resolve } = counting(() => ({ subject: alice, expiresAt: undefined }));
  const authenticate = cachedAuthentication(resolve, clock(0), 60_000);
  for (let i = 0; i < 5; i++) assert.equal((await authenticate('flt_u_a')).name, 'alice');
  assert.equal(calls.count, 1);
  await authenticate('flt_u_b');
  assert.equal(calls.count, 2, 'another token is another entry');
});

void test('a TTL of zero means every request reads the store', async () => {
  const { calls, resolve } = counting(() => ({ subject: alice, expiresAt: undefined }));
  const authenticate = cachedAuthentication(resolve, clock(0), 0);
  await authenticate('flt_u_a');
  await authenticate('flt_u_a');
  assert.equal(calls.count, 2);
});

void test('an entry never outlives the credential it came from', async () => {
  let now = 1000;
  const { calls, resolve } = counting(() => ({ subject: alice, expiresAt: 2000 }));
  const authenticate = cachedAuthentication(resolve, () => new Date(now), 60_000);
  await authenticate('flt_u_a');
  now = 1999;
  await authenticate('flt_u_a');
  assert.equal(calls.count, 1);
  now = 2000;
  await authenticate('flt_u_a');
  assert.equal(calls.count, 2, 'at expiry the store is asked again');
});

void test('a change to access in this process makes every entry stale at once', async () => {
  const { calls, resolve } = counting(() => ({ subject: alice, expiresAt: undefined }));
  const authenticate = cachedAuthentication(resolve, clock(0), 60_000);
  await authenticate('flt_u_a');
  accessChanged();
  await authenticate('flt_u_a');
  assert.equal(calls.count, 2);
});

void test('what was read while access changed is used once, not kept', async () => {
  const { calls, resolve } = counting(() => {
    accessChanged();
    return { subject: alice, expiresAt: undefined };
  });
  const authenticate = cachedAuthentication(resolve, clock(0), 60_000);
  await authenticate('flt_u_a');
  await authenticate('flt_u_a');
  assert.equal(calls.count, 2);
});

void test('a refusal is not remembered', async () => {
  let isRevoked = true;
  const { calls, resolve } = counting(() => {
    if (isRevoked) throw new Error('refused');
    return { subject: alice, expiresAt: undefined };
  });
  const authenticate = cachedAuthentication(resolve, clock(0), 60_000);
  await assert.rejects(authenticate('flt_u_a'));
  isRevoked = false;
  assert.equal((await authenticate('flt_u_a')).name, 'alice');
  assert.equal(calls.count, 2);
});
