// Discovery documents: /version, /api, /apis and the per-group-version resource lists.
import { groupVersion, resourceTypes, servedGroups } from './resource-types.ts';
import type { ResourceType } from './resource-types.ts';

/** Facts about the simulated server that `/version` reports. */
export interface ServerVersion {
  readonly kubernetesVersion: string;
}

/** `/version`, shaped like kube-apiserver's `version.Info`. */
export function versionInfo(version: ServerVersion): Record<string, string> {
  const [major = '1', minor = '32'] = version.kubernetesVersion.replace(/^v/, '').split('.');
  return {
    major,
    minor,
    gitVersion: `v${version.kubernetesVersion.replace(/^v/, '')}`,
    gitCommit: 'flotilla-simulator',
    gitTreeState: 'clean',
    buildDate: '2025-01-01T00:00:00Z',
    goVersion: 'go1.23.4',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

/** `/api`: the core group's versions. */
export function apiVersions(serverAddress: string): Record<string, unknown> {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function apiGroup(name: string, versions: readonly string[]): Record<string, unknown> {
  const entries = versions.map((version) => ({ groupVersion: `${name}/${version}`, version }));
  return { name, versions: entries, preferredVersion: entries[0] };
}

/** `/apis`: every named group. */
export function apiGroupList(
  types: readonly ResourceType[] = resourceTypes,
): Record<string, unknown> {
  const groups = [...servedGroups(types)].filter(([name]) => name !== '');
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groups.map(([name, v]) => apiGroup(name, v)),
  };
}

/** `/apis/<group>`, or undefined for a group we do not serve. */
export function apiGroupDocument(
  name: string,
  types: readonly ResourceType[] = resourceTypes,
): Record<string, unknown> | undefined {
  const versions = servedGroups(types).get(name);
  if (!name || !versions) return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(name, versions) };
}

function resourceEntries(type: ResourceType): Record<string, unknown>[] {
  const main = {
    name: type.plural,
    singularName: type.singular,
    namespaced: type.isNamespaced,
    kind: type.kind,
    verbs: type.verbs,
    ...(type.shortNames.length > 0 ? { shortNames: type.shortNames } : {}),
    ...(type.categories.length > 0 ? { categories: type.categories } : {}),
  };
  const sub = {
    singularName: '',
    namespaced: type.isNamespaced,
    verbs: ['get', 'patch', 'update'],
  };
  const status = type.hasStatus ? [{ name: `${type.plural}/status`, ...sub, kind: type.kind }] : [];
  const scale = type.hasScale
    ? [{ name: `${type.plural}/scale`, ...sub, group: 'autoscaling', version: 'v1', kind: 'Scale' }]
    : [];
  const more = (type.subresources ?? []).map((entry) => ({
    ...entry,
    name: `${type.plural}/${entry.name}`,
    singularName: '',
    namespaced: type.isNamespaced,
  }));
  return [main, ...more, ...status, ...scale];
}

/** `/api/v1` or `/apis/<group>/<version>`, or undefined when not served. */
export function apiResourceList(
  group: string,
  version: string,
  served: readonly ResourceType[] = resourceTypes,
): Record<string, unknown> | undefined {
  const types = served.filter((type) => type.group === group && type.version === version);
  if (types.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: groupVersion({ group, version }),
    resources: types.flatMap(resourceEntries),
  };
}
