// Helpers the workload controllers share: the pods an owner controls, and pods made from its template.
import type { ResourceType } from '../api/resource-types.ts';
import { recordAt, stringAt } from '../api/table/json-path.ts';
import type { StoredObject } from '../api/types.ts';
import type { ControllerDeps } from './controller-manager.ts';
import { recordEvent } from './events.ts';
import { createPodFor } from './admitted-pods.ts';
import { controllerOf, controllerRef, podType } from './kinds.ts';

/** Live (not terminating) pods whose controller is `owner`. */
export function ownedPods(
  deps: ControllerDeps,
  owner: StoredObject,
  includeTerminating = false,
): StoredObject[] {
  return deps.registry.store
    .list(podType, owner.metadata.namespace)
    .filter((pod) => controllerOf(pod, owner.kind)?.uid === owner.metadata.uid)
    .filter((pod) => includeTerminating || !pod.metadata.deletionTimestamp);
}

/** What a controller adds to its template when it makes a pod. */
export interface PodShape {
  readonly name?: string;
  readonly labels?: Record<string, string>;
  readonly spec?: Record<string, unknown>;
}

/** Creates a pod from `owner`'s `spec.template` (see `createPodFor`). */
export function createOwnedPod(
  deps: ControllerDeps,
  owner: StoredObject,
  shape: PodShape,
  component: string,
): void {
  const template = recordAt(owner, 'spec.template');
  const templateMeta = recordAt(template, 'metadata');
  const labels = { ...(templateMeta['labels'] as Record<string, string>), ...shape.labels };
  const naming = shape.name ? { name: shape.name } : { generateName: `${owner.metadata.name}-` };
  const metadata = { ...templateMeta, ...naming, labels, ownerReferences: [controllerRef(owner)] };
  const pod = { metadata, spec: { ...recordAt(template, 'spec'), ...shape.spec } };
  const isJob = owner.kind === 'Job';
  createPodFor(deps, owner, pod, {
    component,
    created: (name) =>
      isJob
        ? `Created pod: ${name}`
        : `create Pod ${name} in ${owner.kind} ${owner.metadata.name} successful`,
  });
}

/** Deletes `pod` on behalf of `owner`, recording SuccessfulDelete. */
export function deleteOwnedPod(
  deps: ControllerDeps,
  owner: StoredObject,
  pod: StoredObject,
  component: string,
): void {
  deps.registry.delete(podType, pod.metadata.namespace, pod.metadata.name, {});
  const message = `delete Pod ${pod.metadata.name} in ${owner.kind} ${owner.metadata.name} successful`;
  recordEvent(deps, owner, { type: 'Normal', reason: 'SuccessfulDelete', message, component });
}

/** The phase of a pod. */
export function phaseOf(pod: StoredObject): string {
  return stringAt(pod, 'status.phase', 'Pending');
}

/** The status subresource write every controller ends with. */
export function writeStatus(
  deps: ControllerDeps,
  type: ResourceType,
  object: StoredObject,
  status: Record<string, unknown>,
): void {
  deps.registry.update(
    type,
    object.metadata.namespace,
    object.metadata.name,
    { ...object, status },
    'status',
  );
}
