import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kubernetesAttributes } from './kubernetes-attributes.ts';

const cases: [string, string, Partial<ReturnType<typeof kubernetesAttributes>>][] = [
  ['GET', '/api/v1/pods', { verb: 'list', resource: 'pods', namespace: '', name: '' }],
  [
    'GET',
    '/api/v1/namespaces/web/pods?watch=true&resourceVersion=5',
    { verb: 'watch', resource: 'pods', namespace: 'web' },
  ],
  ['GET', '/api/v1/namespaces/web/pods/api-1', { verb: 'get', name: 'api-1', namespace: 'web' }],
  ['GET', '/api/v1/namespaces/web/pods/api-1/log?follow=true', { verb: 'get', subresource: 'log' }],
  [
    'POST',
    '/api/v1/namespaces/web/pods/api-1/exec?command=sh',
    { verb: 'exec', resource: 'pods', subresource: 'exec' },
  ],
  ['GET', '/api/v1/namespaces/web/pods/api-1/portforward', { verb: 'portforward' }],
  [
    'POST',
    '/apis/apps/v1/namespaces/web/deployments',
    { verb: 'create', apiGroup: 'apps', resource: 'deployments' },
  ],
  [
    'PATCH',
    '/apis/apps/v1/namespaces/web/deployments/api/scale',
    { verb: 'patch', subresource: 'scale', name: 'api' },
  ],
  [
    'DELETE',
    '/api/v1/namespaces/web/configmaps',
    { verb: 'deletecollection', resource: 'configmaps' },
  ],
  [
    'DELETE',
    '/api/v1/namespaces/web',
    { verb: 'delete', resource: 'namespaces', name: 'web', namespace: 'web' },
  ],
  [
    'PUT',
    '/api/v1/namespaces/web/finalize',
    { verb: 'update', resource: 'namespaces', name: 'web', subresource: 'finalize' },
  ],
  [
    'POST',
    '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
    { verb: 'get', resource: 'selfsubjectaccessreviews' },
  ],
  ['POST', '/apis/authorization.k8s.io/v1/subjectaccessreviews', { verb: 'create' }],
  ['GET', '/version', { verb: 'get', isResourceRequest: false, name: '/version' }],
  ['GET', '/apis/apps/v1', { verb: 'get', isResourceRequest: false }],
];

for (const [method, path, expected] of cases) {
  void test(`${method} ${path}`, () => {
    const actual = kubernetesAttributes(method, path);
    for (const [key, value] of Object.entries(expected))
      assert.equal(actual[key as keyof typeof actual], value, key);
  });
}
