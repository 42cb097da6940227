// The built-in resource types the simulator serves, described as discovery reports them.
import type { NameRule } from './names.ts';
import { allVerbs, define } from './define-type.ts';
import { authorizationTypes, rbacTypes } from './rbac-types.ts';
import { extensionTypes, moreAppsTypes, moreCoreTypes, operationsTypes } from './workload-types.ts';
import { platformTypes } from './platform-types.ts';
import { metricsTypes } from '../metrics/metrics-types.ts';

/** A subresource as discovery describes it; group and version only when they differ from the parent's. */
export interface SubresourceEntry {
  readonly name: string;
  readonly kind: string;
  readonly verbs: readonly string[];
  readonly group?: string;
  readonly version?: string;
}

/** One served resource: its place in the API, its discovery facts and its storage traits. */
export interface ResourceType {
  readonly group: string;
  readonly version: string;
  readonly plural: string;
  readonly singular: string;
  readonly kind: string;
  readonly isNamespaced: boolean;
  readonly shortNames: readonly string[];
  readonly categories: readonly string[];
  readonly verbs: readonly string[];
  readonly nameRule: NameRule;
  /** Has a `status` subresource, so the main endpoint ignores status writes. */
  readonly hasStatus: boolean;
  /** Tracks `metadata.generation`, bumped on every spec change. */
  readonly hasGeneration: boolean;
  /** Has a `scale` subresource (autoscaling/v1 Scale over spec.replicas). */
  readonly hasScale: boolean;
  /** Further subresources discovery lists (pods/eviction, pods/log, ...). */
  readonly subresources?: readonly SubresourceEntry[];
  /** A create-only review (access reviews, whoami): answered per request, never stored. */
  readonly isVirtual?: boolean;
}

/** Every resource type served, in discovery order. */
export const resourceTypes: readonly ResourceType[] = [
  define({
    plural: 'namespaces',
    kind: 'Namespace',
    isNamespaced: false,
    shortNames: ['ns'],
    verbs: allVerbs.filter((verb) => verb !== 'deletecollection'),
    nameRule: 'label',
    hasStatus: true,
  }),
  define({
    plural: 'nodes',
    kind: 'Node',
    isNamespaced: false,
    shortNames: ['no'],
    hasStatus: true,
  }),
  define({
    plural: 'pods',
    kind: 'Pod',
    shortNames: ['po'],
    categories: ['all'],
    hasStatus: true,
    subresources: [
      { name: 'attach', kind: 'PodAttachOptions', verbs: ['create', 'get'] },
      { name: 'eviction', kind: 'Eviction', verbs: ['create'], group: 'policy', version: 'v1' },
      { name: 'exec', kind: 'PodExecOptions', verbs: ['create', 'get'] },
      { name: 'log', kind: 'Pod', verbs: ['get'] },
      { name: 'portforward', kind: 'PodPortForwardOptions', verbs: ['create', 'get'] },
      { name: 'resize', kind: 'Pod', verbs: ['get', 'patch', 'update'] },
    ],
  }),
  define({
    plural: 'services',
    kind: 'Service',
    shortNames: ['svc'],
    categories: ['all'],
    nameRule: 'dns1035',
    hasStatus: true,
  }),
  define({ plural: 'configmaps', kind: 'ConfigMap', shortNames: ['cm'] }),
  define({ plural: 'secrets', kind: 'Secret' }),
  define({
    plural: 'serviceaccounts',
    kind: 'ServiceAccount',
    shortNames: ['sa'],
    subresources: [
      {
        name: 'token',
        kind: 'TokenRequest',
        verbs: ['create'],
        group: 'authentication.k8s.io',
        version: 'v1',
      },
    ],
  }),
  define({ plural: 'events', kind: 'Event', shortNames: ['ev'] }),
  ...moreCoreTypes(),
  ...appsTypes(),
  ...moreAppsTypes(),
  ...operationsTypes(),
  ...rbacTypes(),
  ...authorizationTypes(),
  ...extensionTypes(),
  ...platformTypes(),
  ...metricsTypes(),
];

function appsTypes(): ResourceType[] {
  const apps = {
    group: 'apps',
    categories: ['all'],
    hasStatus: true,
    hasGeneration: true,
    hasScale: true,
  };
  return [
    define({ ...apps, plural: 'deployments', kind: 'Deployment', shortNames: ['deploy'] }),
    define({ ...apps, plural: 'replicasets', kind: 'ReplicaSet', shortNames: ['rs'] }),
  ];
}

/** `v1` or `apps/v1`. */
export function groupVersion(type: Pick<ResourceType, 'group' | 'version'>): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

/** The served type at `group/version/plural`, if any. */
export function findType(
  group: string,
  version: string,
  plural: string,
  types: readonly ResourceType[] = resourceTypes,
): ResourceType | undefined {
  return types.find(
    (type) => type.group === group && type.version === version && type.plural === plural,
  );
}

/** The served type of `kind` (for controllers that know kinds, not paths). */
export function typeOfKind(group: string, kind: string): ResourceType {
  const type = resourceTypes.find((t) => t.group === group && t.kind === kind);
  if (!type) throw new Error(`no served type for kind ${kind} in group "${group}"`);
  return type;
}

/** The served API groups (empty string for core), each with its versions. */
export function servedGroups(
  types: readonly ResourceType[] = resourceTypes,
): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const type of types) {
    const versions = groups.get(type.group) ?? [];
    if (!versions.includes(type.version)) versions.push(type.version);
    groups.set(type.group, versions);
  }
  return groups;
}
