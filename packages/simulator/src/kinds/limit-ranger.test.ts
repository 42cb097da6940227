// LimitRanger's checks and quantity printing without a cluster: Pod-type sums, ratios, and Go's forms.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../api/types.ts';
import { checkLimitRanges, withLimitRangeDefaults } from './limit-ranger.ts';
import { canonical } from './quantities.ts';

function range(...limits: Record<string, unknown>[]): KubeObject {
  return { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'r' }, spec: { limits } };
}

function pod(...resources: Record<string, unknown>[]): KubeObject {
  const containers = resources.map((r, i) => ({ name: `c${i}`, image: 'nginx', resources: r }));
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers } };
}

function refusal(subject: KubeObject, ranges: KubeObject[]): string {
  try {
    checkLimitRanges(subject, ranges);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return 'admitted';
}

void test('quantities print in Go’s canonical form', () => {
  const printed = ['2000m', '1.5', '500m', '0.5Gi', '1536Mi', '1500', '1G', '0'].map(canonical);
  assert.deepEqual(printed, ['2', '1500m', '500m', '512Mi', '1536Mi', '1500', '1G', '0']);
});

void test('a Pod item bounds the sum of the containers, init containers counted at their peak', () => {
  const podMax = range({ type: 'Pod', max: { cpu: '1' } });
  const two = pod({ limits: { cpu: '600m' } }, { limits: { cpu: '600m' } });
  assert.equal(
    refusal(two, [podMax]),
    'pods "p" is forbidden: maximum cpu usage per Pod is 1, but limit is 1200m',
  );
  assert.equal(refusal(pod({ limits: { cpu: '1' } }), [podMax]), 'admitted');
  const small = pod({ limits: { cpu: '400m' } });
  const init = [{ name: 'setup', image: 'busybox', resources: { limits: { cpu: '1500m' } } }];
  const withInit = { ...small, spec: { ...(small['spec'] as object), initContainers: init } };
  assert.equal(
    refusal(withInit, [podMax]),
    'pods "p" is forbidden: maximum cpu usage per Pod is 1, but limit is 1500m',
  );
});

void test('the limit to request ratio is checked, and several failures are listed together', () => {
  const ratio = range({
    type: 'Container',
    maxLimitRequestRatio: { cpu: '2' },
    min: { memory: '64Mi' },
  });
  const greedy = pod({ requests: { cpu: '100m' }, limits: { cpu: '500m' } });
  assert.equal(
    refusal(greedy, [ratio]),
    'pods "p" is forbidden: [minimum memory usage per Container is 64Mi.  No request is specified, cpu max limit to request ratio per Container is 2, but provided ratio is 5.000000]',
  );
});

void test('defaults fill only what a container lacks, request and limit separately', () => {
  const defaults = range({
    type: 'Container',
    default: { cpu: '1', memory: '1Gi' },
    defaultRequest: { cpu: '100m', memory: '128Mi' },
  });
  const partial = withLimitRangeDefaults(pod({ requests: { cpu: '300m' } }), [defaults]);
  const spec = partial['spec'] as { containers: { resources: unknown }[] };
  assert.deepEqual(spec.containers[0]?.resources, {
    requests: { cpu: '300m', memory: '128Mi' },
    limits: { cpu: '1', memory: '1Gi' },
  });
  assert.equal(
    partial.metadata.annotations?.['kubernetes.io/limit-ranger'],
    'LimitRanger plugin set: memory request for container c0; cpu, memory limit for container c0',
  );
});
