// Recording core/v1 Events about objects, as controllers and the kubelet do.
import type { Registry } from '../api/registry.ts';
import { randomInt, timestamp } from '../clock.ts';
import type { Clock, Random } from '../clock.ts';
import type { StoredObject } from '../api/types.ts';
import { eventType } from './kinds.ts';

/** What an event says about its object. */
export interface EventNote {
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  readonly message: string;
  readonly component: string;
}

function hexSuffix(random: Random): string {
  return Array.from({ length: 16 }, () => randomInt(random, 16).toString(16)).join('');
}

/** Creates an Event about `object` (skipped for cluster-scoped objects without a namespace to live in). */
export function recordEvent(
  deps: { registry: Registry; clock: Clock; random: Random },
  object: StoredObject,
  note: EventNote,
): void {
  const namespace = object.metadata.namespace ?? 'default';
  const now = timestamp(deps.clock);
  deps.registry.create(eventType, namespace, {
    metadata: { name: `${object.metadata.name}.${hexSuffix(deps.random)}`, namespace },
    involvedObject: {
      kind: object.kind,
      namespace: object.metadata.namespace,
      name: object.metadata.name,
      uid: object.metadata.uid,
      apiVersion: object.apiVersion,
      resourceVersion: object.metadata.resourceVersion,
    },
    reason: note.reason,
    message: note.message,
    source: { component: note.component },
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
    type: note.type,
    reportingComponent: note.component,
    reportingInstance: '',
  });
}
