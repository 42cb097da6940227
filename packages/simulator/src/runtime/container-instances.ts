// The runs of a pod's containers as its status records them: the current one and the one before the last restart.
import { arrayAt, numberAt, stringAt } from '../api/table/json-path.ts';
import type { StoredObject } from '../api/types.ts';

/** One run of a container: what produces its log lines. */
export interface ContainerRun {
  readonly podUid: string;
  readonly podName: string;
  readonly container: string;
  readonly image: string;
  /** 0 for the first run, then one more per restart. */
  readonly attempt: number;
  readonly startedAt: number;
  /** When the run ended; undefined while it runs. */
  readonly finishedAt?: number;
}

function statusOf(pod: StoredObject, container: string): unknown {
  return arrayAt(pod, 'status.containerStatuses').find((s) => stringAt(s, 'name') === container);
}

function imageOf(pod: StoredObject, container: string): string {
  const spec = arrayAt(pod, 'spec.containers').find((c) => stringAt(c, 'name') === container);
  return stringAt(spec, 'image');
}

function timeAt(value: unknown, path: string): number | undefined {
  const text = stringAt(value, path);
  const time = text ? Date.parse(text) : NaN;
  return Number.isNaN(time) ? undefined : time;
}

/** The container's current run, or undefined while it has not started. */
export function currentRun(pod: StoredObject, container: string): ContainerRun | undefined {
  const status = statusOf(pod, container);
  const startedAt = timeAt(status, 'state.running.startedAt');
  const finishedAt = timeAt(status, 'state.terminated.finishedAt');
  const start = startedAt ?? timeAt(status, 'state.terminated.startedAt');
  if (start === undefined) return undefined;
  return {
    podUid: pod.metadata.uid,
    podName: pod.metadata.name,
    container,
    image: imageOf(pod, container),
    attempt: numberAt(status, 'restartCount'),
    startedAt: start,
    ...(startedAt === undefined && finishedAt !== undefined ? { finishedAt } : {}),
  };
}

/** The run that ended with the last restart, or undefined when the container never restarted. */
export function previousRun(pod: StoredObject, container: string): ContainerRun | undefined {
  const status = statusOf(pod, container);
  const startedAt = timeAt(status, 'lastState.terminated.startedAt');
  const finishedAt = timeAt(status, 'lastState.terminated.finishedAt');
  if (startedAt === undefined || finishedAt === undefined) return undefined;
  return {
    podUid: pod.metadata.uid,
    podName: pod.metadata.name,
    container,
    image: imageOf(pod, container),
    attempt: Math.max(0, numberAt(status, 'restartCount') - 1),
    startedAt,
    finishedAt,
  };
}

/** Why logs cannot be read yet: the container's waiting reason (ContainerCreating by default). */
export function waitingReason(pod: StoredObject, container: string): string {
  return stringAt(statusOf(pod, container), 'state.waiting.reason', 'ContainerCreating');
}
