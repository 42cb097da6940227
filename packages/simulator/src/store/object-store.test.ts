// The store lists like etcd reads a key range: ordered by namespace then name, one namespace
// exactly, and still in order after objects come and go between lists.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configMapType } from '../controllers/kinds.ts';
import type { StoredObject } from '../api/types.ts';
import { ObjectStore } from './object-store.ts';

function configMap(namespace: string, name: string, revision: string): StoredObject {
  const metadata = { namespace, name, uid: `${namespace}-${name}`, resourceVersion: revision };
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata };
}

const names = (objects: StoredObject[]) =>
  objects.map((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`);

function filled(): ObjectStore {
  const store = new ObjectStore(100);
  for (const [namespace, name] of [
    ['ns', 'b'],
    ['ns-2', 'a'],
    ['a', 'z'],
    ['ns', 'a'],
    ['n', 'q'],
  ] as const)
    store.put(configMapType, configMap(namespace, name, store.nextRevision()));
  return store;
}

// etcd compares keys byte by byte, so `ns-2/…` sorts before `ns/…` ('-' < '/').
void test('a list is in etcd key order: namespace, then name', () => {
  assert.deepEqual(names(filled().list(configMapType)), ['a/z', 'n/q', 'ns-2/a', 'ns/a', 'ns/b']);
});

void test("a namespace's list holds exactly that namespace, not ones its name begins", () => {
  const store = filled();
  assert.deepEqual(names(store.list(configMapType, 'ns')), ['ns/a', 'ns/b']);
  assert.deepEqual(names(store.list(configMapType, 'n')), ['n/q']);
  assert.deepEqual(store.list(configMapType, 'none'), []);
});

void test('lists stay ordered and current as objects are added, replaced and removed', () => {
  const store = filled();
  store.list(configMapType);
  store.put(configMapType, configMap('ns', 'aa', store.nextRevision()));
  assert.deepEqual(names(store.list(configMapType, 'ns')), ['ns/a', 'ns/aa', 'ns/b']);
  const replaced = store.put(configMapType, configMap('ns', 'b', store.nextRevision()));
  assert.equal(store.list(configMapType, 'ns')[2], replaced, 'the newest object, not a stale one');
  const gone = store.get(configMapType, 'ns', 'a');
  assert.ok(gone !== undefined);
  store.remove(configMapType, gone);
  assert.deepEqual(names(store.list(configMapType)), ['a/z', 'n/q', 'ns-2/a', 'ns/aa', 'ns/b']);
});

function owned(namespace: string, name: string, owners: string[], revision: string): StoredObject {
  const object = configMap(namespace, name, revision);
  const ownerReferences = owners.map((uid) => ({ apiVersion: 'v1', kind: 'X', name: uid, uid }));
  return { ...object, metadata: { ...object.metadata, ownerReferences } };
}

void test("an owner's dependents follow their ownerReferences as they are written and removed", () => {
  const store = new ObjectStore(100);
  const put = (name: string, owners: string[]) =>
    store.put(configMapType, owned('ns', name, owners, store.nextRevision()));
  const ownedNames = (uid: string) =>
    store
      .ownedBy(uid)
      .map(({ object }) => object.metadata.name)
      .sort();
  put('a', ['owner-1']);
  put('b', ['owner-1', 'owner-2']);
  put('c', []);
  assert.deepEqual(ownedNames('owner-1'), ['a', 'b']);
  assert.deepEqual(ownedNames('owner-2'), ['b']);
  const released = put('b', ['owner-2']);
  assert.deepEqual(ownedNames('owner-1'), ['a'], 'a dropped reference leaves the index');
  assert.equal(store.ownedBy('owner-2')[0]?.object, released, 'the newest object');
  store.remove(configMapType, released);
  assert.deepEqual(ownedNames('owner-2'), []);
  put('c', ['owner-2']);
  assert.deepEqual(ownedNames('owner-2'), ['c'], 'a reference added later is found');
});
