// The 403 Forbidden Status kube-apiserver writes when authorization denies a request, word for word.
import { KubeError } from '../api/status.ts';
import type { RequestAttributes } from './request-attributes.ts';

/** `User "alice" cannot list resource "pods" in API group "" in the namespace "default"`. */
export function forbiddenMessage(username: string, attributes: RequestAttributes): string {
  if (!attributes.isResourceRequest)
    return `User "${username}" cannot ${attributes.verb} path "${attributes.path}"`;
  const { verb, resource, subresource, apiGroup, namespace } = attributes;
  const shown = subresource ? `${resource}/${subresource}` : resource;
  const scope = namespace ? `in the namespace "${namespace}"` : 'at the cluster scope';
  return `User "${username}" cannot ${verb} resource "${shown}" in API group "${apiGroup}" ${scope}`;
}

/** The Forbidden error for `attributes`, with RBAC's `reason` appended when it has one. */
export function forbidden(
  username: string,
  attributes: RequestAttributes,
  reason: string,
): KubeError {
  const why = forbiddenMessage(username, attributes) + (reason ? `: ${reason}` : '');
  if (!attributes.isResourceRequest)
    return new KubeError(403, 'Forbidden', `forbidden: ${why}`, {});
  const { apiGroup, resource, name } = attributes;
  const qualified = apiGroup ? `${resource}.${apiGroup}` : resource;
  const subject = name ? `${qualified} "${name}"` : qualified;
  const details = {
    ...(name ? { name } : {}),
    ...(apiGroup ? { group: apiGroup } : {}),
    kind: resource,
  };
  return new KubeError(403, 'Forbidden', `${subject} is forbidden: ${why}`, details);
}
