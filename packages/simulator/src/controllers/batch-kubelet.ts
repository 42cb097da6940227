// The kubelet's part for batch pods: a running Job pod's containers exit, 0 unless the template says otherwise.
import { timestamp } from '../clock.ts';
import { arrayAt, recordAt, stringAt } from '../api/table/json-path.ts';
import type { StoredObject } from '../api/types.ts';
import type { Controller, ControllerDeps } from './controller-manager.ts';
import { recordEvent } from './events.ts';
import { controllerOf, keyOf, podType, splitKey } from './kinds.ts';
import { writeStatus } from './owned-pods.ts';

/** Annotation on a Job's pod template: the exit code its containers end with (default 0). */
export const exitCodeAnnotation = 'simulator.flotilla.dev/exit-code';

function terminatedStatus(
  pod: StoredObject,
  exitCode: number,
  now: string,
): Record<string, unknown> {
  const isSuccess = exitCode === 0;
  const reason = isSuccess ? 'Completed' : 'Error';
  const containerStatuses = arrayAt(pod, 'status.containerStatuses').map((status) => ({
    ...recordAt({ status }, 'status'),
    ready: false,
    started: false,
    state: {
      terminated: {
        exitCode,
        reason,
        startedAt: stringAt(status, 'state.running.startedAt', now),
        finishedAt: now,
        containerID: stringAt(status, 'containerID'),
      },
    },
  }));
  const conditions = arrayAt(pod, 'status.conditions').map((c) => {
    const type = stringAt(c, 'type');
    const isReadiness = type === 'Ready' || type === 'ContainersReady';
    return isReadiness
      ? {
          ...recordAt({ c }, 'c'),
          status: 'False',
          reason: 'PodCompleted',
          lastTransitionTime: now,
        }
      : c;
  });
  return {
    ...recordAt(pod, 'status'),
    phase: isSuccess ? 'Succeeded' : 'Failed',
    conditions,
    containerStatuses,
  };
}

/** Finishes running Job pods. */
export function batchKubelet(deps: ControllerDeps): Controller {
  return {
    name: 'batch-kubelet',
    keysFor: (event) =>
      event.resource === podType && event.type !== 'DELETED' && controllerOf(event.object, 'Job')
        ? [keyOf(event.object)]
        : [],
    reconcile: (key) => {
      const [namespace, name] = splitKey(key);
      const pod = deps.registry.store.get(podType, namespace, name);
      if (!pod || pod.metadata.deletionTimestamp || stringAt(pod, 'status.phase') !== 'Running')
        return;
      const exitCode = Number(pod.metadata.annotations?.[exitCodeAnnotation] ?? 0) || 0;
      writeStatus(deps, podType, pod, terminatedStatus(pod, exitCode, timestamp(deps.clock)));
      if (exitCode !== 0)
        recordEvent(deps, pod, {
          type: 'Warning',
          reason: 'BackOff',
          message: `container exited with code ${exitCode}`,
          component: 'kubelet',
        });
    },
  };
}
