// The ResourceQuota and LimitRange tables on hand-encoded bodies: a scope selector and every
// LimitRange item map decode to the JSON a JSON client would have sent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeProtobuf } from './decode.ts';

/** A length-delimited field; every body here is shorter than 128 bytes, so lengths fit a byte. */
function bytes(number: number, content: number[] | string): number[] {
  const raw = typeof content === 'string' ? [...Buffer.from(content)] : content;
  return [number * 8 + 2, raw.length, ...raw];
}

/** One entry of a map<string, Quantity>: key 1, Quantity message 2 holding its string in field 1. */
function quantityEntry(number: number, key: string, value: string): number[] {
  return bytes(number, [...bytes(1, key), ...bytes(2, bytes(1, value))]);
}

function envelope(kind: string, object: number[]): Buffer {
  const typeMeta = [...bytes(1, 'v1'), ...bytes(2, kind)];
  return Buffer.from([0x6b, 0x38, 0x73, 0x00, ...bytes(1, typeMeta), ...bytes(2, object)]);
}

void test('a ResourceQuota scope selector decodes with its expressions', () => {
  const expression = [...bytes(1, 'PriorityClass'), ...bytes(2, 'In'), ...bytes(3, 'high')];
  const spec = [...quantityEntry(1, 'pods', '4'), ...bytes(3, bytes(1, expression))];
  const quota = decodeProtobuf(envelope('ResourceQuota', [...bytes(1, []), ...bytes(2, spec)]));
  assert.deepEqual(quota['spec'], {
    hard: { pods: '4' },
    scopeSelector: {
      matchExpressions: [{ scopeName: 'PriorityClass', operator: 'In', values: ['high'] }],
    },
  });
});

void test('a LimitRange item decodes type, bounds, defaults and ratio', () => {
  const item = [
    ...bytes(1, 'Container'),
    ...quantityEntry(2, 'cpu', '2'),
    ...quantityEntry(3, 'cpu', '100m'),
    ...quantityEntry(4, 'memory', '512Mi'),
    ...quantityEntry(5, 'memory', '256Mi'),
    ...quantityEntry(6, 'cpu', '4'),
  ];
  const range = decodeProtobuf(
    envelope('LimitRange', [...bytes(1, []), ...bytes(2, bytes(1, item))]),
  );
  assert.deepEqual(range['spec'], {
    limits: [
      {
        type: 'Container',
        max: { cpu: '2' },
        min: { cpu: '100m' },
        default: { memory: '512Mi' },
        defaultRequest: { memory: '256Mi' },
        maxLimitRequestRatio: { cpu: '4' },
      },
    ],
  });
});
