// The kubelet's memory enforcement: a container whose usage passes its memory limit is OOM-killed and restarted, as the status and events then show.
import { arrayAt, stringAt } from '../api/table/json-path.ts';
import type { StoredObject } from '../api/types.ts';
import { recordEvent } from '../controllers/events.ts';
import { podType } from '../controllers/kinds.ts';
import { containerResources, modelInput } from '../metrics/container-usage.ts';
import { peakMemory, usageAt } from '../metrics/usage-models.ts';
import type { ModelInput } from '../metrics/usage-models.ts';
import { seededRandom } from '../clock.ts';
import { hashOf } from './hash.ts';
import type { RuntimeDeps } from './runtime-deps.ts';

/** Memory is checked on a 15 s grid from each run's start, so kill instants do not depend on tick timing. */
const stepMs = 15_000;
/** Samples per container per tick at most; a longer gap is caught up over the next ticks. */
const maxSamples = 5_000;

function iso(time: number): string {
  return new Date(Math.floor(time / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** The first grid instant after `from` and up to `until` when memory passes `limit`, if any. */
function firstOverLimit(
  input: ModelInput,
  limit: number,
  from: number,
  until: number,
): number | undefined {
  const first = input.startedAt + (Math.floor((from - input.startedAt) / stepMs) + 1) * stepMs;
  for (let k = 0, t = first; t <= until && k < maxSamples; k += 1, t += stepMs) {
    if (usageAt(input, t).memory > limit) return t;
  }
  return undefined;
}

function killedStatus(status: unknown, killedAt: number, seed: number): Record<string, unknown> {
  const record = status as Record<string, unknown>;
  const startedAt = stringAt(status, 'state.running.startedAt');
  const restarts = Number(record['restartCount'] ?? 0) + 1;
  const containerID = `containerd://${hashOf(seed, stringAt(status, 'containerID'), restarts).toString(16).padStart(8, '0').repeat(8)}`;
  return {
    ...record,
    restartCount: restarts,
    lastState: {
      terminated: {
        exitCode: 137,
        reason: 'OOMKilled',
        startedAt,
        finishedAt: iso(killedAt),
        containerID: stringAt(status, 'containerID'),
      },
    },
    state: { running: { startedAt: iso(killedAt) } },
    containerID,
  };
}

/** The kubelet's OOM killer over every running pod of the cluster. */
export class OomKiller {
  readonly #deps: RuntimeDeps;
  /** How far each container run has been checked, so each tick only looks at new time. */
  readonly #checked = new Map<string, number>();
  /** Per pod (by uid, at a resourceVersion): the containers whose model can pass their limit. */
  readonly #candidates = new Map<string, { version: string; containers: string[] }>();

  constructor(deps: RuntimeDeps) {
    this.#deps = deps;
  }

  /** Checks every running container up to the clock's now. */
  tick(): void {
    const now = this.#deps.clock.now();
    const seen = new Set<string>();
    for (const pod of this.#deps.registry.store.list(podType)) {
      seen.add(pod.metadata.uid);
      if (stringAt(pod, 'status.phase') !== 'Running' || pod.metadata.deletionTimestamp) continue;
      this.#checkPod(pod, now);
    }
    for (const uid of this.#candidates.keys()) if (!seen.has(uid)) this.#candidates.delete(uid);
  }

  /** The containers of `pod` that could ever pass their memory limit (most cannot). */
  #candidatesOf(pod: StoredObject): string[] {
    const cached = this.#candidates.get(pod.metadata.uid);
    if (cached?.version === pod.metadata.resourceVersion) return cached.containers;
    const containers = arrayAt(pod, 'spec.containers')
      .map((c) => stringAt(c, 'name'))
      .filter((name) => {
        const limit = containerResources(pod, name).limits.memory;
        const input = modelInput(pod, name, this.#deps.seed);
        return limit !== undefined && input !== undefined && peakMemory(input) > limit;
      });
    this.#candidates.set(pod.metadata.uid, { version: pod.metadata.resourceVersion, containers });
    return containers;
  }

  #checkPod(pod: StoredObject, now: number): void {
    let current = pod;
    for (const container of this.#candidatesOf(pod)) {
      const limit = containerResources(current, container).limits.memory;
      if (limit === undefined) continue;
      for (let input = modelInput(current, container, this.#deps.seed); input;) {
        const key = `${current.metadata.uid}|${container}|${input.startedAt}`;
        const from = this.#checked.get(key) ?? input.startedAt;
        const killedAt = firstOverLimit(input, limit, from, now);
        this.#checked.set(key, Math.min(now, from + maxSamples * stepMs));
        if (killedAt === undefined) break;
        this.#checked.delete(key);
        current = this.#kill(current, container, killedAt);
        input = modelInput(current, container, this.#deps.seed);
      }
    }
  }

  #kill(pod: StoredObject, container: string, killedAt: number): StoredObject {
    const { registry, seed } = this.#deps;
    const statuses = arrayAt(pod, 'status.containerStatuses').map((status) =>
      stringAt(status, 'name') === container ? killedStatus(status, killedAt, seed) : status,
    );
    const status = { ...(pod['status'] as Record<string, unknown>), containerStatuses: statuses };
    const updated = registry.update(
      podType,
      pod.metadata.namespace,
      pod.metadata.name,
      { ...pod, status },
      'status',
    );
    const events = {
      registry,
      clock: { now: () => killedAt },
      random: seededRandom(hashOf(seed, pod.metadata.uid, killedAt)),
    };
    const pid = 1000 + (hashOf(seed, pod.metadata.uid, container, killedAt) % 30000);
    recordEvent(events, updated, {
      type: 'Warning',
      reason: 'OOMKilling',
      message: `Memory cgroup out of memory: Killed process ${pid} (${container}) in container ${container}; it will be restarted`,
      component: 'kubelet',
    });
    recordEvent(events, updated, {
      type: 'Normal',
      reason: 'Started',
      message: `Started container ${container}`,
      component: 'kubelet',
    });
    return updated;
  }
}
