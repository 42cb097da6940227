// What a request asks to do, in the terms authorization speaks (kube-apiserver's RequestInfo).

/** A request on a resource: verb, group, resource, subresource, namespace and name. */
export interface ResourceAttributes {
  readonly isResourceRequest: true;
  readonly verb: string;
  readonly apiGroup: string;
  readonly apiVersion: string;
  readonly resource: string;
  readonly subresource: string;
  readonly namespace: string;
  readonly name: string;
}

/** A request on any other path (discovery, health, OpenAPI, version). */
export interface NonResourceAttributes {
  readonly isResourceRequest: false;
  readonly verb: string;
  readonly path: string;
}

export type RequestAttributes = ResourceAttributes | NonResourceAttributes;

const methodVerbs: Readonly<Record<string, string>> = {
  POST: 'create',
  GET: 'get',
  HEAD: 'get',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
};

/** Namespace subresources, which make `/namespaces/<ns>/<x>` address the namespace itself. */
const namespaceSubresources = new Set(['status', 'finalize']);

/** Streaming subresources whose WebSocket GET needs `create`, as kube-apiserver 1.31+ checks it. */
const upgradeCreates = new Set(['exec', 'attach', 'portforward']);

interface Target {
  namespace: string;
  resource: string;
  name: string;
  subresource: string;
}

function targetOf(parts: string[]): Target {
  let namespace = '';
  let rest = parts;
  if (parts[0] === 'namespaces' && parts.length > 1) {
    namespace = parts[1] ?? '';
    if (parts.length > 2 && !namespaceSubresources.has(parts[2] ?? '')) rest = parts.slice(2);
  }
  const [resource = '', name = '', subresource = ''] = rest;
  return { namespace, resource, name, subresource };
}

function verbOf(
  method: string,
  target: Target,
  query: URLSearchParams,
  isUpgrade: boolean,
): string {
  const base = methodVerbs[method] ?? method.toLowerCase();
  const isWatch = query.get('watch') === 'true' || query.get('watch') === '1';
  if (target.name === '' && base === 'get') return isWatch ? 'watch' : 'list';
  if (target.name === '' && base === 'delete') return 'deletecollection';
  if (isUpgrade && upgradeCreates.has(target.subresource)) return 'create';
  return base;
}

/** The attributes of a request to `pathname` with `method` and `query`. */
export function requestAttributes(
  method: string,
  pathname: string,
  query: URLSearchParams,
  isUpgrade = false,
): RequestAttributes {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const nonResource = {
    isResourceRequest: false,
    verb: method.toLowerCase(),
    path: pathname,
  } as const;
  const isCore = parts[0] === 'api' && parts.length > 2;
  const isGroup = parts[0] === 'apis' && parts.length > 3;
  if (!isCore && !isGroup) return nonResource;
  const apiGroup = isCore ? '' : (parts[1] ?? '');
  const apiVersion = (isCore ? parts[1] : parts[2]) ?? '';
  let rest = parts.slice(isCore ? 2 : 3);
  const isLegacyWatch = rest[0] === 'watch';
  if (isLegacyWatch) rest = rest.slice(1);
  const target = targetOf(rest);
  const verb = isLegacyWatch ? 'watch' : verbOf(method, target, query, isUpgrade);
  return { isResourceRequest: true, verb, apiGroup, apiVersion, ...target };
}
