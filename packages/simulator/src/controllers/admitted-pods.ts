// Pods controllers create go through admission like any API create, so webhooks (right-sizing's among them)
// see them; with no webhook interested the create stays synchronous.
import { createAttributes } from '../admission/write-attributes.ts';
import { KubeError } from '../api/status.ts';
import type { KubeObject, StoredObject } from '../api/types.ts';
import { serviceAccountUsername, withImpliedGroups } from '../auth/user.ts';
import type { ControllerDeps } from './controller-manager.ts';
import { recordEvent } from './events.ts';
import { podType } from './kinds.ts';

/** Which controller creates, and how its success event words the new pod. */
export interface CreationNote {
  readonly component: string;
  created(name: string): string;
}

/** The identity a built-in controller writes as: its service account in kube-system. */
function controllerUser(component: string) {
  const username = serviceAccountUsername('kube-system', component);
  return { username, groups: withImpliedGroups(username, []) };
}

function announce(
  deps: ControllerDeps,
  owner: StoredObject,
  note: CreationNote,
  pod: StoredObject,
) {
  const message = note.created(pod.metadata.name);
  recordEvent(deps, owner, {
    type: 'Normal',
    reason: 'SuccessfulCreate',
    message,
    component: note.component,
  });
}

/**
 * Creates `body` as a pod of `owner`. When a webhook wants it, the create runs asynchronously and
 * `owner` is held (see PendingCreations) until it lands; a refusal (a webhook's, or LimitRanger's or
 * ResourceQuota's at once) becomes a FailedCreate event and a retry with backoff.
 */
export function createPodFor(
  deps: ControllerDeps,
  owner: StoredObject,
  body: { metadata: Record<string, unknown>; spec: unknown },
  note: CreationNote,
): void {
  const { registry } = deps;
  const namespace = owner.metadata.namespace;
  const object = { apiVersion: 'v1', kind: 'Pod', ...body } as KubeObject;
  const request = { user: controllerUser(note.component) };
  const attributes = createAttributes(podType, namespace, '', object, request);
  if (!registry.admission.isWanted(attributes)) {
    try {
      announce(deps, owner, note, registry.create(podType, namespace, object));
    } catch (error) {
      // LimitRanger and ResourceQuota refuse (403) without webhooks; the owner backs off all the same.
      if (!(error instanceof KubeError) || error.status.code !== 403) throw error;
      refused(deps, owner, note, error);
      deps.creations.track(owner, Promise.reject(error));
    }
    return;
  }
  const creation = registry.admitCreate(podType, namespace, object, request).then(
    (pod) => announce(deps, owner, note, pod),
    (error: unknown) => {
      refused(deps, owner, note, error);
      throw error;
    },
  );
  deps.creations.track(owner, creation);
}

/** The FailedCreate event of a refused pod creation. */
function refused(
  deps: ControllerDeps,
  owner: StoredObject,
  note: CreationNote,
  error: unknown,
): void {
  const message = `Error creating: ${error instanceof Error ? error.message : String(error)}`;
  recordEvent(deps, owner, {
    type: 'Warning',
    reason: 'FailedCreate',
    message,
    component: note.component,
  });
}
