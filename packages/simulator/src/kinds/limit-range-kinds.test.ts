// LimitRange defaulting and validation without a cluster: what a create would store or refuse.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../api/types.ts';
import { limitRangeHooks } from './limit-range-kinds.ts';

function range(...limits: Record<string, unknown>[]): KubeObject {
  return { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'r' }, spec: { limits } };
}

function causes(object: KubeObject): string[] {
  return (limitRangeHooks.validate?.(object) ?? []).map((c) => `${c.field}: ${c.message}`);
}

void test('a Container item’s limit defaults to its max and its request to that limit or the min', () => {
  const defaulted = limitRangeHooks.defaultUpdate?.(
    range({ type: 'Container', max: { cpu: '2' }, min: { memory: '64Mi' } }),
    range(),
  );
  assert.deepEqual(defaulted?.['spec'], {
    limits: [
      {
        type: 'Container',
        max: { cpu: '2' },
        min: { memory: '64Mi' },
        default: { cpu: '2' },
        defaultRequest: { cpu: '2', memory: '64Mi' },
      },
    ],
  });
});

void test('unknown and repeated types, Pod defaults and small ratios are invalid', () => {
  const invalid = range(
    { type: 'Pod', default: { cpu: '1' } },
    { type: 'Pod', maxLimitRequestRatio: { cpu: '500m' } },
    { type: 'Node' },
  );
  assert.deepEqual(causes(invalid), [
    "spec.limits[0].default: Forbidden: may not be specified when `type` is 'Pod'",
    'spec.limits[1].type: Duplicate value: "Pod"',
    'spec.limits[1].maxLimitRequestRatio[cpu]: Invalid value: "500m": ratio 500m is less than 1',
    'spec.limits[2].type: Invalid value: "Node": must be a standard limit type or fully qualified',
  ]);
  assert.deepEqual(causes(range({ type: 'Container', max: { cpu: '1' } })), []);
});
