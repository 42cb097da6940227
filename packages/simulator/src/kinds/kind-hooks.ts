// Per-kind behaviour the API server applies on writes: defaulting and validation.
import type { Clock, Random } from '../clock.ts';
import type { StatusCause } from '../api/status.ts';
import type { KubeObject } from '../api/types.ts';
import type { ResourceType } from '../api/resource-types.ts';

/** What a kind's hooks may use: the cluster's clock, randomness and address allocators. */
export interface HookContext {
  readonly clock: Clock;
  readonly random: Random;
  allocateServiceIp(): string;
  /** The node ports the cluster's services hold (a service's own, on update, included). */
  usedNodePorts(): ReadonlySet<number>;
  /** The PriorityClass called `name`, or with no name the one marked globalDefault. */
  priorityClass(name?: string): KubeObject | undefined;
  /** The stored objects of `type` in `namespace` (admission plugins read LimitRanges and quotas). */
  listIn(type: ResourceType, namespace: string): KubeObject[];
}

/** A kind's defaulting and validation; both are pure apart from the context. */
export interface KindHooks {
  /** Fills defaults in a new object (status included) before it is stored. */
  readonly defaultCreate?: (object: KubeObject, context: HookContext) => KubeObject;
  /** Fills defaults in an updated object; `context` is there when the registry can allocate. */
  readonly defaultUpdate?: (
    object: KubeObject,
    previous: KubeObject,
    context?: HookContext,
  ) => KubeObject;
  /** Field errors that make the object invalid (422). */
  readonly validate?: (object: KubeObject) => StatusCause[];
}

/** A `FieldValueRequired` cause. */
export function required(field: string, detail = ''): StatusCause {
  return {
    reason: 'FieldValueRequired',
    message: `Required value${detail ? `: ${detail}` : ''}`,
    field,
  };
}

/** A `FieldValueInvalid` cause quoting the bad value as Go's %q would. */
export function invalidValue(field: string, value: unknown, detail: string): StatusCause {
  const shown = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value ?? null);
  return { reason: 'FieldValueInvalid', message: `Invalid value: ${shown}: ${detail}`, field };
}
