// Aggregated discovery (apidiscovery.k8s.io v2 and v2beta1): every group's resources in one reply to /api or /apis.
import type { ServerResponse } from 'node:http';
import { sendEncoded } from '../server/response-encoding.ts';
import { servedGroups } from './resource-types.ts';
import type { ResourceType, SubresourceEntry } from './resource-types.ts';

type Json = Record<string, unknown>;

const discoveryVersions = ['v2', 'v2beta1'] as const;

/** The aggregated discovery version the Accept header asks for first, if any. */
export function wantedDiscovery(accept: string | undefined): string | undefined {
  for (const range of (accept ?? '').split(',')) {
    const params = range.split(';').map((part) => part.trim());
    const isAggregated =
      params.includes('g=apidiscovery.k8s.io') && params.includes('as=APIGroupDiscoveryList');
    const version = params.find((part) => part.startsWith('v='))?.slice(2);
    if (isAggregated && discoveryVersions.some((known) => known === version)) return version;
  }
  return undefined;
}

function subresources(type: ResourceType): Json[] {
  const own = { group: type.group, version: type.version, kind: type.kind };
  const entry = (name: string, responseKind: Json, verbs: readonly string[]) => ({
    subresource: name,
    responseKind,
    verbs,
  });
  const more = (type.subresources ?? []).map((sub: SubresourceEntry) =>
    entry(
      sub.name,
      { group: sub.group ?? type.group, version: sub.version ?? type.version, kind: sub.kind },
      sub.verbs,
    ),
  );
  const update = ['get', 'patch', 'update'];
  const status = type.hasStatus ? [entry('status', own, update)] : [];
  const scale = type.hasScale
    ? [entry('scale', { group: 'autoscaling', version: 'v1', kind: 'Scale' }, update)]
    : [];
  return [...more, ...status, ...scale].sort((a, b) => (a.subresource < b.subresource ? -1 : 1));
}

function resource(type: ResourceType): Json {
  const subs = subresources(type);
  return {
    resource: type.plural,
    responseKind: { group: type.group, version: type.version, kind: type.kind },
    scope: type.isNamespaced ? 'Namespaced' : 'Cluster',
    singularResource: type.singular,
    verbs: type.verbs,
    ...(type.shortNames.length > 0 ? { shortNames: type.shortNames } : {}),
    ...(type.categories.length > 0 ? { categories: type.categories } : {}),
    ...(subs.length > 0 ? { subresources: subs } : {}),
  };
}

function groupEntry(
  group: string,
  versions: readonly string[],
  types: readonly ResourceType[],
): Json {
  return {
    metadata: group ? { name: group, creationTimestamp: null } : { creationTimestamp: null },
    versions: versions.map((version) => ({
      version,
      resources: types
        .filter((type) => type.group === group && type.version === version)
        .map(resource),
      freshness: 'Current',
    })),
  };
}

/** The APIGroupDiscoveryList of the core group (`/api`) or of every named group (`/apis`). */
export function aggregatedDiscovery(
  isCore: boolean,
  version: string,
  types: readonly ResourceType[],
): Json {
  const groups = [...servedGroups(types)].filter(([name]) => (name === '') === isCore);
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: `apidiscovery.k8s.io/${version}`,
    metadata: {},
    items: groups.map(([name, versions]) => groupEntry(name, versions, types)),
  };
}

/** Sends `body` with the aggregated discovery media type the client asked for. */
export function sendAggregated(res: ServerResponse, version: string, body: Json): void {
  const headers = {
    'Content-Type': `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`,
    'Cache-Control': 'no-cache, private',
    Vary: 'Accept',
  };
  sendEncoded(res, 200, headers, JSON.stringify(body));
}
