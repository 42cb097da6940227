// What a Kubernetes API request does, in the terms access rules and the audit trail use:
// verb, API group, resource, subresource, namespace and name (as the API server's RequestInfo).
import type { KubernetesVerb } from '../access/can.ts';

export interface KubernetesAttributes {
  readonly verb: KubernetesVerb;
  readonly isResourceRequest: boolean;
  readonly apiGroup: string;
  readonly resource: string;
  readonly subresource: string;
  readonly namespace: string;
  readonly name: string;
}

const interactive = new Set(['exec', 'attach', 'portforward']);

function resourceVerb(method: string, hasName: boolean, isWatch: boolean): KubernetesVerb {
  switch (method) {
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return hasName ? 'delete' : 'deletecollection';
    default:
      return isWatch ? 'watch' : hasName ? 'get' : 'list';
  }
}

/** `/api/v1/...` → ['', 'v1', rest]; `/apis/apps/v1/...` → ['apps', 'v1', rest]. */
function splitApiPath(segments: string[]): { group: string; rest: string[] } | undefined {
  if (segments[0] === 'api' && segments.length > 2) return { group: '', rest: segments.slice(2) };
  if (segments[0] === 'apis' && segments.length > 3)
    return { group: segments[1] ?? '', rest: segments.slice(3) };
  return undefined;
}

// As the API server: /namespaces/{ns}/status and /finalize are subresources of the namespace.
const namespaceSubresources = new Set(['status', 'finalize']);

function resourceParts(rest: string[]) {
  const isNamespaced =
    rest[0] === 'namespaces' && rest.length > 2 && !namespaceSubresources.has(rest[2] ?? '');
  const [resource = '', name = '', subresource = ''] = isNamespaced ? rest.slice(2) : rest;
  return {
    namespace: isNamespaced ? (rest[1] ?? '') : resource === 'namespaces' ? name : '',
    resource,
    name,
    subresource,
  };
}

// Self-reviews (`kubectl auth can-i`, `auth whoami`) are POSTs that change nothing and that every
// Kubernetes user may make; the hub treats them as reads so viewers can ask what they may do.
function isSelfReview(group: string, resource: string): boolean {
  return (
    (group === 'authorization.k8s.io' || group === 'authentication.k8s.io') &&
    resource.startsWith('selfsubject')
  );
}

/** Classifies a request by method and path (`path` may carry a query). */
export function kubernetesAttributes(method: string, path: string): KubernetesAttributes {
  const url = new URL(path, 'http://cluster');
  const segments = url.pathname.split('/').filter((s) => s !== '');
  const api = splitApiPath(segments);
  if (api === undefined) {
    return {
      verb: method === 'GET' || method === 'HEAD' ? 'get' : resourceVerb(method, true, false),
      isResourceRequest: false,
      apiGroup: '',
      resource: '',
      subresource: '',
      namespace: '',
      name: url.pathname,
    };
  }
  const parts = resourceParts(api.rest);
  const isWatch = url.searchParams.get('watch') === 'true' || url.searchParams.get('watch') === '1';
  if (isSelfReview(api.group, parts.resource))
    return { verb: 'get', isResourceRequest: true, apiGroup: api.group, ...parts };
  const verb = interactive.has(parts.subresource)
    ? (parts.subresource as KubernetesVerb)
    : resourceVerb(method, parts.name !== '', isWatch);
  return { verb, isResourceRequest: true, apiGroup: api.group, ...parts };
}
