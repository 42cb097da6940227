// The status a kubelet reports for a pod whose containers all started.
import { randomInt } from '../clock.ts';
import type { Random } from '../clock.ts';
import { arrayAt, recordAt, stringAt } from '../api/table/json-path.ts';
import type { StoredObject } from '../api/types.ts';

function hex(random: Random, length: number): string {
  return Array.from({ length }, () => randomInt(random, 16).toString(16)).join('');
}

function imageRef(image: string): string {
  const hasRegistry = image.split('/')[0]?.includes('.') ?? false;
  const path = image.includes('/') ? image : `library/${image}`;
  const withTag = path.includes(':') ? path : `${path}:latest`;
  return hasRegistry ? withTag : `docker.io/${withTag}`;
}

function containerStatus(container: unknown, now: string, random: Random): Record<string, unknown> {
  const image = imageRef(stringAt(container, 'image'));
  return {
    name: stringAt(container, 'name'),
    state: { running: { startedAt: now } },
    lastState: {},
    ready: true,
    restartCount: 0,
    image,
    imageID: `${image.split(':')[0] ?? image}@sha256:${hex(random, 64)}`,
    containerID: `containerd://${hex(random, 64)}`,
    started: true,
  };
}

/** What the kubelet knows when it starts a pod. */
export interface StartFacts {
  readonly now: string;
  readonly hostIP: string;
  readonly podIP: string;
  readonly random: Random;
}

/** A Running status with every condition True and one running status per container. */
export function runningStatus(pod: StoredObject, facts: StartFacts): Record<string, unknown> {
  const { now } = facts;
  const types = [
    'PodReadyToStartContainers',
    'Initialized',
    'Ready',
    'ContainersReady',
    'PodScheduled',
  ];
  const conditions = types.map((type) => ({
    type,
    status: 'True',
    lastProbeTime: null,
    lastTransitionTime: now,
  }));
  return {
    ...recordAt(pod, 'status'),
    phase: 'Running',
    conditions,
    hostIP: facts.hostIP,
    hostIPs: [{ ip: facts.hostIP }],
    podIP: facts.podIP,
    podIPs: [{ ip: facts.podIP }],
    startTime: now,
    containerStatuses: arrayAt(pod, 'spec.containers').map((c) =>
      containerStatus(c, now, facts.random),
    ),
  };
}
