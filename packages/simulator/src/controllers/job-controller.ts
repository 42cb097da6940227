// The job controller: keeps `parallelism` pods running until `completions` succeed or the backoff limit is hit.
import { timestamp } from '../clock.ts';
import { numberAt, recordAt, stringAt } from '../api/table/json-path.ts';
import type { StoredObject } from '../api/types.ts';
import type { Controller, ControllerDeps } from './controller-manager.ts';
import { recordEvent } from './events.ts';
import { jobType, ownerKeysFor, podType, splitKey } from './kinds.ts';
import { createOwnedPod, deleteOwnedPod, ownedPods, phaseOf, writeStatus } from './owned-pods.ts';
import { isPodReady } from './replicaset-controller.ts';

const component = 'job-controller';

interface Counts {
  readonly active: StoredObject[];
  readonly succeeded: number;
  readonly failed: number;
}

function countsOf(pods: StoredObject[]): Counts {
  return {
    active: pods.filter(
      (pod) => !['Succeeded', 'Failed'].includes(phaseOf(pod)) && !pod.metadata.deletionTimestamp,
    ),
    succeeded: pods.filter((pod) => phaseOf(pod) === 'Succeeded').length,
    failed: pods.filter((pod) => phaseOf(pod) === 'Failed').length,
  };
}

function finishedCondition(job: StoredObject, counts: Counts): 'Complete' | 'Failed' | undefined {
  const existing = (recordAt(job, 'status')['conditions'] as { type: string }[] | undefined) ?? [];
  const done = existing.find((c) => c.type === 'Complete' || c.type === 'Failed');
  if (done) return done.type as 'Complete' | 'Failed';
  if (counts.succeeded >= numberAt(job, 'spec.completions', 1)) return 'Complete';
  return counts.failed > numberAt(job, 'spec.backoffLimit', 6) ? 'Failed' : undefined;
}

function conditions(outcome: 'Complete' | 'Failed', now: string): unknown[] {
  const base = { status: 'True', lastProbeTime: now, lastTransitionTime: now };
  if (outcome === 'Complete')
    return [
      {
        type: 'SuccessCriteriaMet',
        ...base,
        reason: 'CompletionsReached',
        message: 'Reached expected number of succeeded pods',
      },
      {
        type: 'Complete',
        ...base,
        reason: 'CompletionsReached',
        message: 'Reached expected number of succeeded pods',
      },
    ];
  const message = 'Job has reached the specified backoff limit';
  return [
    { type: 'FailureTarget', ...base, reason: 'BackoffLimitExceeded', message },
    { type: 'Failed', ...base, reason: 'BackoffLimitExceeded', message },
  ];
}

function run(deps: ControllerDeps, job: StoredObject, counts: Counts): void {
  if (recordAt(job, 'spec')['suspend'] === true) return;
  const remaining = numberAt(job, 'spec.completions', 1) - counts.succeeded;
  const wanted = Math.min(numberAt(job, 'spec.parallelism', 1), remaining);
  for (let i = counts.active.length; i < wanted; i += 1) createOwnedPod(deps, job, {}, component);
}

function counters(counts: Counts): Record<string, number> {
  return {
    ...(counts.active.length > 0 ? { active: counts.active.length } : {}),
    ...(counts.succeeded > 0 ? { succeeded: counts.succeeded } : {}),
    ...(counts.failed > 0 ? { failed: counts.failed } : {}),
    terminating: 0,
    ready: counts.active.filter(isPodReady).length,
  };
}

function announce(deps: ControllerDeps, job: StoredObject, outcome: 'Complete' | 'Failed'): void {
  const isComplete = outcome === 'Complete';
  recordEvent(deps, job, {
    type: isComplete ? 'Normal' : 'Warning',
    reason: isComplete ? 'Completed' : 'BackoffLimitExceeded',
    message: isComplete ? 'Job completed' : 'Job has reached the specified backoff limit',
    component,
  });
}

function reconcileJob(deps: ControllerDeps, job: StoredObject): void {
  const before = countsOf(ownedPods(deps, job, true));
  const outcome = finishedCondition(job, before);
  if (outcome === 'Failed')
    for (const pod of before.active) deleteOwnedPod(deps, job, pod, component);
  if (!outcome) run(deps, job, before);
  const counts = countsOf(ownedPods(deps, job, true));
  const previous = recordAt(job, 'status');
  const now = timestamp(deps.clock);
  const isNewlyDone = outcome !== undefined && previous['conditions'] === undefined;
  if (isNewlyDone) announce(deps, job, outcome);
  writeStatus(deps, jobType, job, {
    ...(outcome
      ? { conditions: isNewlyDone ? conditions(outcome, now) : previous['conditions'] }
      : {}),
    startTime: stringAt(previous, 'startTime') || now,
    ...(outcome === 'Complete'
      ? { completionTime: stringAt(previous, 'completionTime') || now }
      : {}),
    ...counters(counts),
    uncountedTerminatedPods: {},
  });
}

/** The job controller. */
export function jobController(deps: ControllerDeps): Controller {
  return {
    name: 'job',
    keysFor: (event) => ownerKeysFor(event, jobType, podType),
    reconcile: (key) => {
      const [namespace, name] = splitKey(key);
      const job = deps.registry.store.get(jobType, namespace, name);
      const isWaiting = !job || job.metadata.deletionTimestamp || deps.creations.isBusy(job);
      if (!isWaiting) reconcileJob(deps, job);
    },
  };
}
