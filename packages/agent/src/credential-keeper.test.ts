// A credential whose save fails is still used for redials, and saved once the store recovers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pino } from 'pino';
import { keepCredential } from './credential-keeper.ts';
import type { CredentialStore } from './credentials.ts';

/** A store that refuses the first `failures` saves. */
function flakyStore(failures: number): CredentialStore & { saved?: string; attempts: number } {
  const store = {
    where: 'memory',
    attempts: 0,
    saved: undefined as string | undefined,
    read: () => Promise.resolve(store.saved),
    save: (credential: string) => {
      store.attempts += 1;
      if (store.attempts <= failures) return Promise.reject(new Error('forbidden'));
      store.saved = credential;
      return Promise.resolve();
    },
  };
  return store;
}

void test('a credential the store refused is kept for redials and saved on a later attempt', async () => {
  const store = flakyStore(2);
  const keeper = keepCredential(store, pino({ level: 'silent' }), 5);
  await keeper.save('flt_c_new');
  assert.equal(store.saved, undefined);
  assert.equal(await keeper.read(), 'flt_c_new');
  const deadline = Date.now() + 2000;
  while (store.saved === undefined && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  assert.equal(store.saved, 'flt_c_new');
  assert.equal(store.attempts, 3);
  assert.equal(await keeper.read(), 'flt_c_new');
  keeper.stop();
});

void test('without a pending credential, reads come from the store', async () => {
  const store = flakyStore(0);
  store.saved = 'flt_c_stored';
  const keeper = keepCredential(store, pino({ level: 'silent' }));
  assert.equal(await keeper.read(), 'flt_c_stored');
});
