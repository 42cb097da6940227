// The scheduler's filter plugins: why one node cannot take one pod (empty when it can).
import { parseQuantity } from '@flotilla/protocol';
import { arrayAt, recordAt, stringAt } from '../api/table/json-path.ts';
import type { StoredObject } from '../api/types.ts';
import { matchesSelector } from './selector.ts';

/** CPU cores, memory bytes and pod slots. */
export interface Resources {
  readonly cpu: number;
  readonly memory: number;
  readonly pods: number;
}

/** A taint as the scheduler filters by it. */
interface Taint {
  readonly key: string;
  readonly value?: string;
  readonly effect: string;
}

/** Whether one of the pod's tolerations matches `taint`: key (or any), value, and effect. */
function tolerates(pod: StoredObject, taint: Taint): boolean {
  return arrayAt(pod, 'spec.tolerations').some((t) => {
    const key = stringAt(t, 'key');
    const isExists = stringAt(t, 'operator', 'Equal') === 'Exists';
    const effect = stringAt(t, 'effect');
    const keyMatches = key === taint.key || (key === '' && isExists);
    const valueMatches = isExists || stringAt(t, 'value') === (taint.value ?? '');
    return keyMatches && valueMatches && (effect === '' || effect === taint.effect);
  });
}

function termMatches(term: unknown, node: StoredObject): boolean {
  const fields = arrayAt(term, 'matchFields').every(
    (f) =>
      stringAt(f, 'key') === 'metadata.name' && arrayAt(f, 'values').includes(node.metadata.name),
  );
  const expressions = arrayAt(term, 'matchExpressions');
  return fields && matchesSelector({ matchExpressions: expressions }, node.metadata.labels);
}

function matchesNodeSelection(pod: StoredObject, node: StoredObject): boolean {
  const selector = recordAt(pod, 'spec.nodeSelector');
  const labels = node.metadata.labels ?? {};
  if (!Object.entries(selector).every(([k, v]) => labels[k] === v)) return false;
  const terms = arrayAt(
    pod,
    'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms',
  );
  return terms.length === 0 || terms.some((term) => termMatches(term, node));
}

function taintReason(pod: StoredObject, node: StoredObject): string | undefined {
  const isReady = arrayAt(node, 'status.conditions').some(
    (c) => stringAt(c, 'type') === 'Ready' && stringAt(c, 'status') === 'True',
  );
  const notReady = { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' };
  if (!isReady && !tolerates(pod, notReady))
    return 'node(s) had untolerated taint {node.kubernetes.io/not-ready: }';
  if (
    recordAt(node, 'spec')['unschedulable'] === true &&
    !tolerates(pod, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })
  )
    return 'node(s) were unschedulable';
  const taint = arrayAt(node, 'spec.taints').find(
    (t) =>
      stringAt(t, 'effect') !== 'PreferNoSchedule' &&
      !tolerates(pod, {
        key: stringAt(t, 'key'),
        value: stringAt(t, 'value'),
        effect: stringAt(t, 'effect'),
      }),
  );
  return taint
    ? `node(s) had untolerated taint {${stringAt(taint, 'key')}: ${stringAt(taint, 'value')}}`
    : undefined;
}

function resourceReasons(
  node: StoredObject,
  asks: Resources,
  used: Resources | undefined,
): string[] {
  const allocatable = recordAt(node, 'status.allocatable');
  const free = (name: keyof Resources): number =>
    parseQuantity(allocatable[name]) - (used?.[name] ?? 0);
  const reasons: string[] = [];
  if (free('pods') < 1) reasons.push('Too many pods');
  if (asks.cpu > free('cpu')) reasons.push('Insufficient cpu');
  if (asks.memory > free('memory')) reasons.push('Insufficient memory');
  return reasons;
}

/** Why `node` cannot take `pod` (which asks for `asks`) while `used` is bound there. */
export function nodeFilterReasons(
  pod: StoredObject,
  node: StoredObject,
  asks: Resources,
  used: Resources | undefined,
): string[] {
  const taint = taintReason(pod, node);
  if (taint) return [taint];
  if (!matchesNodeSelection(pod, node))
    return ["node(s) didn't match Pod's node affinity/selector"];
  return resourceReasons(node, asks, used);
}
