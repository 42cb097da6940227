// Resolves each container's usage model from its pod (annotation, tier, requests) and samples it, capping CPU at the limit as CFS throttling does.
import { parseQuantity } from '@flotilla/protocol';
import { arrayAt, recordAt, stringAt } from '../api/table/json-path.ts';
import type { StoredObject } from '../api/types.ts';
import { currentRun } from '../runtime/container-instances.ts';
import { usageAt } from './usage-models.ts';
import type { ModelInput, Usage } from './usage-models.ts';
import { parseUsageAnnotation, usageAnnotation } from './usage-spec.ts';
import type { UsageModel, UsageSpec } from './usage-spec.ts';

/** The model a tier's containers follow when the workload names none. */
const tierModels: Readonly<Record<string, UsageModel>> = {
  web: 'diurnal',
  worker: 'bursty',
  database: 'steady',
  cache: 'steady',
  batch: 'batch',
};

/** One container's resources in base units (cores, bytes); undefined when unset. */
export interface ContainerResources {
  readonly requests: { cpu?: number; memory?: number };
  readonly limits: { cpu?: number; memory?: number };
}

function amounts(record: Record<string, unknown>): { cpu?: number; memory?: number } {
  const cpu = record['cpu'] === undefined ? undefined : parseQuantity(record['cpu']);
  const memory = record['memory'] === undefined ? undefined : parseQuantity(record['memory']);
  return { ...(cpu === undefined ? {} : { cpu }), ...(memory === undefined ? {} : { memory }) };
}

/** The resources a container runs with: the kubelet's actual ones (status) when known, else the spec's. */
export function containerResources(pod: StoredObject, container: string): ContainerResources {
  const status = arrayAt(pod, 'status.containerStatuses').find(
    (s) => stringAt(s, 'name') === container,
  );
  const spec = arrayAt(pod, 'spec.containers').find((c) => stringAt(c, 'name') === container);
  const actual = recordAt(status, 'resources');
  const resources = Object.keys(actual).length > 0 ? actual : recordAt(spec, 'resources');
  return {
    requests: amounts(recordAt(resources, 'requests')),
    limits: amounts(recordAt(resources, 'limits')),
  };
}

/** Parsed annotations by text: a fleet has few distinct ones, and the kubelet reads them often. */
const parsedSpecs = new Map<string, UsageSpec | undefined>();

function usageSpecOf(pod: StoredObject): UsageSpec | undefined {
  const text = pod.metadata.annotations?.[usageAnnotation];
  if (text === undefined) return undefined;
  if (!parsedSpecs.has(text)) parsedSpecs.set(text, parseUsageAnnotation(text));
  return parsedSpecs.get(text);
}

function quantityOr(text: string | undefined, fallback: number): number {
  return text ? parseQuantity(text) : fallback;
}

/** The model input of one container's current run, or undefined when it is not running. */
export function modelInput(
  pod: StoredObject,
  container: string,
  seed: number,
): ModelInput | undefined {
  const run = currentRun(pod, container);
  if (!run) return undefined;
  const spec = usageSpecOf(pod);
  const tier = pod.metadata.labels?.['app.kubernetes.io/component'] ?? '';
  const { requests } = containerResources(pod, container);
  const memory = quantityOr(spec?.memory, 0.7 * (requests.memory ?? 96 * 2 ** 20));
  return {
    model: spec?.model ?? tierModels[tier] ?? 'steady',
    cpu: quantityOr(spec?.cpu, 0.6 * (requests.cpu ?? 0.08)),
    memory,
    growthPerHour: quantityOr(spec?.growthPerHour, memory),
    startedAt: run.startedAt,
    key: `${seed}|${pod.metadata.uid}|${container}`,
  };
}

/** A container's usage as metrics report it: CPU throttled at the limit. */
export interface ContainerUsage extends Usage {
  readonly name: string;
}

/** The usage of every running container of `pod` at `time`. */
export function podUsage(pod: StoredObject, seed: number, time: number): ContainerUsage[] {
  return arrayAt(pod, 'spec.containers').flatMap((c) => {
    const name = stringAt(c, 'name');
    const input = modelInput(pod, name, seed);
    if (!input) return [];
    const usage = usageAt(input, time);
    const cpuLimit = containerResources(pod, name).limits.cpu;
    const cpu = cpuLimit === undefined ? usage.cpu : Math.min(usage.cpu, cpuLimit);
    return [{ name, cpu, memory: usage.memory }];
  });
}
