// The access decision as a table: role × scope × action × resource.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { can, forbidden, type Action, type Grant, type Resource, type Subject } from './can.ts';

const subject = (...grants: Grant[]): Subject => ({
  kind: 'user',
  name: 'pat',
  groups: [],
  grants,
  via: 'token',
});
const fleet = { kind: 'fleet' } as const;
const prod: Resource = { kind: 'cluster', name: 'prod-eu-1', environment: 'prod' };
const dev: Resource = { kind: 'cluster', name: 'dev-1', environment: 'dev' };
const k8s = (verb: Extract<Action, { kind: 'kubernetes' }>['verb']): Action => ({
  kind: 'kubernetes',
  verb,
});

const cases: [string, Subject, Action, Resource, boolean][] = [
  ['nobody may read', subject(), k8s('get'), prod, false],
  ['viewer reads', subject({ role: 'viewer', scope: fleet }), k8s('list'), prod, true],
  ['viewer watches', subject({ role: 'viewer', scope: fleet }), k8s('watch'), prod, true],
  ['viewer may not delete', subject({ role: 'viewer', scope: fleet }), k8s('delete'), prod, false],
  ['viewer may not exec', subject({ role: 'viewer', scope: fleet }), k8s('exec'), prod, false],
  ['operator deletes', subject({ role: 'operator', scope: fleet }), k8s('delete'), prod, true],
  [
    'operator port-forwards',
    subject({ role: 'operator', scope: fleet }),
    k8s('portforward'),
    prod,
    true,
  ],
  [
    'operator may not impersonate',
    subject({ role: 'operator', scope: fleet }),
    k8s('impersonate'),
    prod,
    false,
  ],
  ['admin impersonates', subject({ role: 'admin', scope: fleet }), k8s('impersonate'), prod, true],
  [
    'operator labels',
    subject({ role: 'operator', scope: fleet }),
    { kind: 'clusters', verb: 'label' },
    prod,
    true,
  ],
  [
    'operator may not decommission',
    subject({ role: 'operator', scope: fleet }),
    { kind: 'clusters', verb: 'decommission' },
    prod,
    false,
  ],
  [
    'env scope reaches its clusters',
    subject({ role: 'operator', scope: { kind: 'environments', environments: ['dev'] } }),
    k8s('patch'),
    dev,
    true,
  ],
  [
    'env scope stops at other envs',
    subject({ role: 'operator', scope: { kind: 'environments', environments: ['dev'] } }),
    k8s('get'),
    prod,
    false,
  ],
  [
    'env scope reaches the environment',
    subject({ role: 'operator', scope: { kind: 'environments', environments: ['dev'] } }),
    { kind: 'join-tokens', verb: 'write' },
    { kind: 'environment', environment: 'dev' },
    true,
  ],
  [
    'env scope never reaches the fleet',
    subject({ role: 'admin', scope: { kind: 'environments', environments: ['dev'] } }),
    { kind: 'users', verb: 'read' },
    fleet,
    false,
  ],
  [
    'cluster scope reaches its cluster',
    subject({ role: 'viewer', scope: { kind: 'clusters', clusters: ['prod-eu-1'] } }),
    k8s('get'),
    prod,
    true,
  ],
  [
    'cluster scope stops at others',
    subject({ role: 'viewer', scope: { kind: 'clusters', clusters: ['prod-eu-1'] } }),
    k8s('get'),
    dev,
    false,
  ],
  [
    'cluster scope does not reach its environment',
    subject({ role: 'operator', scope: { kind: 'clusters', clusters: ['prod-eu-1'] } }),
    { kind: 'join-tokens', verb: 'write' },
    { kind: 'environment', environment: 'prod' },
    false,
  ],
  [
    'grants add up',
    subject(
      { role: 'viewer', scope: fleet },
      { role: 'operator', scope: { kind: 'clusters', clusters: ['dev-1'] } },
    ),
    k8s('delete'),
    dev,
    true,
  ],
  [
    'anyone manages their own tokens',
    subject(),
    { kind: 'tokens', verb: 'write' },
    { kind: 'user', name: 'pat' },
    true,
  ],
  [
    "not someone else's",
    subject({ role: 'operator', scope: fleet }),
    { kind: 'tokens', verb: 'write' },
    { kind: 'user', name: 'admin' },
    false,
  ],
  [
    'fleet admin manages any tokens',
    subject({ role: 'admin', scope: fleet }),
    { kind: 'tokens', verb: 'write' },
    { kind: 'user', name: 'x' },
    true,
  ],
];

for (const [name, who, action, resource, expected] of cases) {
  void test(`can: ${name}`, () => assert.equal(can(who, action, resource), expected));
}

void test('a denial names the missing permission and the resource', () => {
  const error = forbidden(subject(), { kind: 'kubernetes', verb: 'delete' }, prod);
  assert.equal(error.code, 'forbidden');
  assert.equal(error.message, 'pat lacks kubernetes:delete on cluster prod-eu-1');
  assert.deepEqual(error.details, { permission: 'kubernetes:delete', resource: prod });
});
