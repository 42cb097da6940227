// The TokenRequest's boundObjectRef checks of kube-apiserver v1.32 (TokenREST.Create): the bound
// Pod, Secret or Node must exist, a pod must run as the token's service account, a uid must match.
import type { Registry } from './registry.ts';
import { typeOfKind } from './resource-types.ts';
import { KubeError, badRequest } from './status.ts';
import { isRecord } from './types.ts';
import type { StoredObject } from './types.ts';

/** `apps/v1` → ['apps', 'v1'], `v1` → ['', 'v1'], as schema.ParseGroupVersion splits it. */
function groupVersionOf(apiVersion: string): [string, string] {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? ['', apiVersion] : [apiVersion.slice(0, slash), apiVersion.slice(slash + 1)];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The bound object, read in the token's namespace (nodes are cluster-wide); 404 when missing. */
function boundObject(
  registry: Registry,
  ref: Record<string, unknown>,
  namespace: string,
): StoredObject {
  const kind = text(ref['kind']);
  const [group, version] = groupVersionOf(text(ref['apiVersion']));
  if (group !== '' || !['Pod', 'Secret', 'Node'].includes(kind)) {
    throw badRequest(`cannot bind token to object of type ${group}/${version}, Kind=${kind}`);
  }
  const type = typeOfKind('', kind);
  return registry.get(type, kind === 'Node' ? undefined : namespace, text(ref['name']));
}

function checkServiceAccount(pod: StoredObject, serviceAccount: string): void {
  const spec = isRecord(pod['spec']) ? pod['spec'] : {};
  if (spec['serviceAccountName'] === serviceAccount) return;
  throw badRequest(
    `cannot bind token for serviceaccount "${serviceAccount}" to pod running with different serviceaccount name.`,
  );
}

/**
 * Refuses a boundObjectRef the real server refuses: 400 for a kind it cannot bind or a pod of
 * another service account, 404 for a missing object, 409 for a uid that is not the object's.
 */
export function checkBoundObject(
  registry: Registry,
  ref: unknown,
  target: { namespace: string; serviceAccount: string },
): void {
  if (!isRecord(ref)) return;
  const object = boundObject(registry, ref, target.namespace);
  if (ref['kind'] === 'Pod') checkServiceAccount(object, target.serviceAccount);
  const uid = text(ref['uid']);
  if (uid === '' || uid === object.metadata.uid) return;
  const name = object.metadata.name;
  // NewConflict names the kind, not the resource, as its GroupResource.
  const message = `Operation cannot be fulfilled on ${text(ref['kind'])} "${name}": the UID in the bound object reference (${uid}) does not match the UID in record. The object might have been deleted and then recreated`;
  throw new KubeError(409, 'Conflict', message, { name, kind: text(ref['kind']) });
}
