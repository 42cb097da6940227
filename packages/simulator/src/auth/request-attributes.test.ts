// Request paths become the verb, resource and scope RBAC checks, as kube-apiserver's RequestInfo reads them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requestAttributes } from './request-attributes.ts';

const none = new URLSearchParams();

void test('collections are listed, watched and deleted as collections', () => {
  const list = requestAttributes('GET', '/api/v1/namespaces/shop/pods', none);
  assert.deepEqual(list, {
    isResourceRequest: true,
    verb: 'list',
    apiGroup: '',
    apiVersion: 'v1',
    namespace: 'shop',
    resource: 'pods',
    name: '',
    subresource: '',
  });
  assert.equal(
    requestAttributes('GET', '/api/v1/pods', new URLSearchParams('watch=true')).verb,
    'watch',
  );
  assert.equal(requestAttributes('GET', '/api/v1/watch/namespaces/a/pods/x', none).verb, 'watch');
  assert.equal(
    requestAttributes('DELETE', '/apis/apps/v1/namespaces/a/deployments', none).verb,
    'deletecollection',
  );
});

void test('subresources, namespaces themselves and exec upgrades', () => {
  const log = requestAttributes('GET', '/api/v1/namespaces/a/pods/web-1/log', none);
  assert.ok(log.isResourceRequest);
  assert.deepEqual(
    [log.verb, log.resource, log.name, log.subresource],
    ['get', 'pods', 'web-1', 'log'],
  );
  const namespace = requestAttributes('GET', '/api/v1/namespaces/shop', none);
  assert.ok(namespace.isResourceRequest);
  assert.deepEqual(
    [namespace.resource, namespace.name, namespace.namespace],
    ['namespaces', 'shop', 'shop'],
  );
  const finalize = requestAttributes('PUT', '/api/v1/namespaces/shop/finalize', none);
  assert.ok(finalize.isResourceRequest);
  assert.deepEqual([finalize.resource, finalize.subresource], ['namespaces', 'finalize']);
  const exec = requestAttributes('GET', '/api/v1/namespaces/a/pods/p/exec', none, true);
  assert.equal(exec.verb, 'create');
});

void test('everything else is a non-resource path', () => {
  assert.deepEqual(requestAttributes('GET', '/apis/apps/v1', none), {
    isResourceRequest: false,
    verb: 'get',
    path: '/apis/apps/v1',
  });
  assert.equal(requestAttributes('GET', '/healthz', none).isResourceRequest, false);
});
