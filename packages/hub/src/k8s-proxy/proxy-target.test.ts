import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseProxyTarget } from './proxy-target.ts';

void test('cluster and raw path, query included', () => {
  assert.deepEqual(
    parseProxyTarget('/k8s/clusters/prod-1/api/v1/pods?watch=1&labelSelector=a%3Db'),
    {
      cluster: 'prod-1',
      path: '/api/v1/pods?watch=1&labelSelector=a%3Db',
    },
  );
  assert.deepEqual(parseProxyTarget('/k8s/clusters/prod-1'), { cluster: 'prod-1', path: '/' });
});

for (const url of [
  '/k8s/clusters/dev-1/../prod-1/api/v1/secrets',
  '/k8s/clusters/dev-1/%2e%2e/prod-1/api',
  '/k8s/clusters/dev-1/api/%2E./x',
  '/k8s/clusters/dev-1/./api',
  '/k8s/clusters/dev-1%2f..%2fprod-1/api',
  '/k8s/clusters/prod%2D1/api',
  '/k8s/clusters/Prod-1/api',
  '/k8s/clusters//api',
  '/k8s/clusters/dev-1\\..\\prod-1',
  '/k8s/cluster/prod-1',
]) {
  void test(`refuses ${url}`, () => {
    assert.throws(() => parseProxyTarget(url), { code: 'invalid_request' });
  });
}
