// The protobuf decoder on hand-encoded bodies: value fields versus pointers, IntOrString, negatives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KubeError } from '../status.ts';
import { decodeProtobuf } from './decode.ts';

function varint(value: bigint): number[] {
  let rest = BigInt.asUintN(64, value);
  const bytes: number[] = [];
  while (rest >= 0x80n) {
    bytes.push(Number(rest & 0x7fn) | 0x80);
    rest >>= 7n;
  }
  return [...bytes, Number(rest)];
}

function int(number: number, value: number): number[] {
  return [...varint(BigInt(number * 8)), ...varint(BigInt(value))];
}

function bytes(number: number, content: number[] | string): number[] {
  const raw = typeof content === 'string' ? [...Buffer.from(content)] : content;
  return [...varint(BigInt(number * 8 + 2)), ...varint(BigInt(raw.length)), ...raw];
}

function envelope(apiVersion: string, kind: string, object: number[]): Buffer {
  const typeMeta = [...bytes(1, apiVersion), ...bytes(2, kind)];
  return Buffer.from([0x6b, 0x38, 0x73, 0x00, ...bytes(1, typeMeta), ...bytes(2, object)]);
}

void test('value fields written as zero are omitted; IntOrString keeps its type', () => {
  const zeroTarget = bytes(4, [...int(1, 0), ...int(2, 0)]);
  const namedTarget = bytes(4, [...int(1, 1), ...bytes(3, 'http')]);
  const port = (target: number[]): number[] =>
    bytes(1, [...bytes(1, ''), ...int(3, 80), ...target, ...int(5, 0)]);
  const spec = [...port(zeroTarget), ...port(namedTarget), ...int(13, 0)];
  const service = decodeProtobuf(envelope('v1', 'Service', [...bytes(1, []), ...bytes(2, spec)]));
  assert.deepEqual(service, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {},
    spec: { ports: [{ port: 80 }, { port: 80, targetPort: 'http' }] },
  });
});

void test('pointer fields keep zero, and negative int32s decode from ten-byte varints', () => {
  const podSpec = [...int(4, 0), ...int(25, -5)];
  const template = bytes(3, bytes(2, podSpec));
  const budget = bytes(1, [...int(1, 0), ...int(2, 0)]);
  const deployment = decodeProtobuf(
    envelope('apps/v1', 'Deployment', bytes(2, [...int(1, 0), ...template])),
  );
  assert.deepEqual(deployment['spec'], {
    replicas: 0,
    template: { spec: { terminationGracePeriodSeconds: 0, priority: -5 } },
  });
  const pdb = decodeProtobuf(envelope('policy/v1', 'PodDisruptionBudget', bytes(2, budget)));
  assert.deepEqual(pdb['spec'], { minAvailable: 0 });
});

void test('kinds without a schema are refused with 415', () => {
  assert.throws(
    () => decodeProtobuf(envelope('v1', 'Pod', [])),
    (error) => error instanceof KubeError && error.status.code === 415,
  );
});
