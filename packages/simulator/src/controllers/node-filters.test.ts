// Taints and tolerations as kube-scheduler's TaintToleration filter matches them: key, value and effect.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StoredObject } from '../api/types.ts';
import { nodeFilterReasons } from './node-filters.ts';

const room = { cpu: 0, memory: 0, pods: 0 };
const asks = { cpu: 0.1, memory: 1, pods: 1 };

function node(taints: unknown[], isReady = true): StoredObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'n1', uid: 'u', resourceVersion: '1' },
    spec: { taints },
    status: {
      conditions: [{ type: 'Ready', status: isReady ? 'True' : 'False' }],
      allocatable: { cpu: '4', memory: '8Gi', pods: '110' },
    },
  };
}

function pod(tolerations: unknown[]): StoredObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', uid: 'u', resourceVersion: '1' },
    spec: { containers: [{ name: 'app' }], tolerations },
  };
}

const gpu = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' };
const blocked = ['node(s) had untolerated taint {dedicated: gpu}'];

void test('a taint is tolerated only by a toleration of its key, value and effect', () => {
  const fits = (tolerations: unknown[]) =>
    nodeFilterReasons(pod(tolerations), node([gpu]), asks, room);
  assert.deepEqual(fits([]), blocked);
  assert.deepEqual(
    fits([{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }]),
    [],
  );
  assert.deepEqual(fits([{ key: 'dedicated', operator: 'Exists' }]), []);
  assert.deepEqual(fits([{ operator: 'Exists' }]), []);
  assert.deepEqual(fits([{ key: 'dedicated', value: 'cpu', effect: 'NoSchedule' }]), blocked);
  assert.deepEqual(fits([{ key: 'dedicated', operator: 'Exists', effect: 'NoExecute' }]), blocked);
});

void test('the default NoExecute tolerations do not let a pod onto a node that is not ready', () => {
  const defaults = ['not-ready', 'unreachable'].map((condition) => ({
    key: `node.kubernetes.io/${condition}`,
    operator: 'Exists',
    effect: 'NoExecute',
    tolerationSeconds: 300,
  }));
  assert.deepEqual(nodeFilterReasons(pod(defaults), node([], false), asks, room), [
    'node(s) had untolerated taint {node.kubernetes.io/not-ready: }',
  ]);
  const noSchedule = {
    key: 'node.kubernetes.io/not-ready',
    operator: 'Exists',
    effect: 'NoSchedule',
  };
  assert.deepEqual(nodeFilterReasons(pod([noSchedule]), node([], false), asks, room), []);
});
