// Finds the pod and container a log, exec, attach or port-forward request addresses, refusing as the API server does.
import { arrayAt, stringAt } from '../api/table/json-path.ts';
import type { Registry } from '../api/registry.ts';
import type { ResourceRequest } from '../api/request-info.ts';
import { badRequest } from '../api/status.ts';
import type { StoredObject } from '../api/types.ts';

/** A pod and one of its containers. */
export interface PodTarget {
  readonly pod: StoredObject;
  readonly container: string;
}

/** The pod's container names, in spec order. */
export function containerNames(pod: StoredObject): string[] {
  return arrayAt(pod, 'spec.containers').map((c) => stringAt(c, 'name'));
}

/** The container named in the query, or the only one; 400 when the choice is missing or wrong. */
export function chooseContainer(pod: StoredObject, wanted: string | null): string {
  const names = containerNames(pod);
  const name = pod.metadata.name;
  if (wanted) {
    if (!names.includes(wanted))
      throw badRequest(`container ${wanted} is not valid for pod ${name}`);
    return wanted;
  }
  const only = names.length === 1 ? names[0] : undefined;
  if (only !== undefined) return only;
  throw badRequest(
    `a container name must be specified for pod ${name}, choose one of: [${names.join(' ')}]`,
  );
}

/** The pod of `request` (404 when missing) and the container its query chooses. */
export function podTarget(
  registry: Registry,
  request: ResourceRequest,
  query: URLSearchParams,
): PodTarget {
  const pod = registry.get(request.type, request.namespace, request.name ?? '');
  return { pod, container: chooseContainer(pod, query.get('container')) };
}
