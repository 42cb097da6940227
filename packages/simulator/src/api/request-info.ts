// Parses a resource URL the way kube-apiserver's RequestInfo does: group, version, namespace, resource, name, subresource.
import { findType, resourceTypes } from './resource-types.ts';
import type { ResourceType } from './resource-types.ts';

/** What a resource request addresses. */
export interface ResourceRequest {
  readonly type: ResourceType;
  readonly namespace?: string;
  readonly name?: string;
  readonly subresource?: string;
}

/** The outcome of routing a path under /api or /apis. */
export type Route =
  | { readonly kind: 'resource'; readonly request: ResourceRequest }
  | { readonly kind: 'group'; readonly group: string }
  | { readonly kind: 'groupVersion'; readonly group: string; readonly version: string }
  | { readonly kind: 'unknown' };

/** Subresources of namespaces, which must not be read as a resource named `status` in that namespace. */
const namespaceSubresources = new Set(['status', 'finalize']);

function resourceRoute(
  group: string,
  version: string,
  parts: string[],
  types: readonly ResourceType[],
): Route {
  let namespace: string | undefined;
  let rest = parts;
  if (parts[0] === 'namespaces' && parts.length > 2 && !namespaceSubresources.has(parts[2] ?? '')) {
    namespace = parts[1];
    rest = parts.slice(2);
  }
  const [plural = '', name, subresource, ...extra] = rest;
  const type = findType(group, version, plural, types);
  if (!type || extra.length > 0 || (namespace !== undefined && !type.isNamespaced))
    return { kind: 'unknown' };
  return { kind: 'resource', request: { type, namespace, name, subresource } };
}

/** Routes `pathname` (already known to start with /api/ or /apis/) among `types` (built-ins unless told). */
export function routeOf(pathname: string, types: readonly ResourceType[] = resourceTypes): Route {
  const parts = pathname
    .split('/')
    .filter((part) => part.length > 0)
    .map(decodeURIComponent);
  if (parts[0] === 'api') {
    if (parts[1] !== 'v1') return { kind: 'unknown' };
    return parts.length === 2
      ? { kind: 'groupVersion', group: '', version: 'v1' }
      : resourceRoute('', 'v1', parts.slice(2), types);
  }
  const [, group = '', version, ...rest] = parts;
  if (version === undefined) return { kind: 'group', group };
  if (rest.length === 0) return { kind: 'groupVersion', group, version };
  return resourceRoute(group, version, rest, types);
}
