// The bootstrap ClusterRoles and ClusterRoleBindings every cluster starts with; admin, edit and view aggregate.
import type { Registry } from '../api/registry.ts';
import type { Clock } from '../clock.ts';
import type { PolicyRule } from './rbac-rules.ts';
import { clusterRoleBindingType, clusterRoleType } from './rbac-authorizer.ts';
import { aggregateAllRoles } from './role-aggregation.ts';

const read = ['get', 'list', 'watch'];
const write = ['create', 'delete', 'deletecollection', 'patch', 'update'];

const workloadResources: readonly (readonly [string, readonly string[]])[] = [
  [
    '',
    [
      'pods',
      'pods/log',
      'pods/status',
      'services',
      'services/status',
      'endpoints',
      'configmaps',
      'persistentvolumeclaims',
      'replicationcontrollers',
      'replicationcontrollers/scale',
      'serviceaccounts',
      'events',
      'limitranges',
      'resourcequotas',
    ],
  ],
  [
    'apps',
    [
      'deployments',
      'deployments/scale',
      'deployments/status',
      'replicasets',
      'replicasets/scale',
      'replicasets/status',
      'statefulsets',
      'statefulsets/scale',
      'statefulsets/status',
      'daemonsets',
      'daemonsets/status',
      'controllerrevisions',
    ],
  ],
  ['batch', ['jobs', 'jobs/status', 'cronjobs', 'cronjobs/status']],
  ['autoscaling', ['horizontalpodautoscalers', 'horizontalpodautoscalers/status']],
  ['policy', ['poddisruptionbudgets', 'poddisruptionbudgets/status']],
  ['discovery.k8s.io', ['endpointslices']],
  ['networking.k8s.io', ['ingresses', 'ingresses/status', 'networkpolicies']],
];

/** What view grants (system:aggregate-to-view). */
function viewRules(): PolicyRule[] {
  const rules = workloadResources.map(([group, resources]) => ({
    apiGroups: [group],
    resources,
    verbs: read,
  }));
  return [
    ...rules,
    { apiGroups: [''], resources: ['namespaces', 'namespaces/status'], verbs: read },
  ];
}

/** What edit grants beyond view (system:aggregate-to-edit). */
function editRules(): PolicyRule[] {
  const writes = workloadResources.map(([group, resources]) => ({
    apiGroups: [group],
    resources: resources.filter(
      (r) => !r.endsWith('/status') && r !== 'pods/log' && r !== 'events',
    ),
    verbs: write,
  }));
  const pods = {
    apiGroups: [''],
    resources: [
      'pods/exec',
      'pods/attach',
      'pods/portforward',
      'pods/eviction',
      'serviceaccounts/token',
    ],
    verbs: ['create', 'get'],
  };
  const secrets = { apiGroups: [''], resources: ['secrets'], verbs: [...read, ...write] };
  const impersonate = { apiGroups: [''], resources: ['serviceaccounts'], verbs: ['impersonate'] };
  return [...writes, pods, secrets, impersonate];
}

/** What admin grants beyond edit (system:aggregate-to-admin). */
function adminRules(): PolicyRule[] {
  const rbac = {
    apiGroups: ['rbac.authorization.k8s.io'],
    resources: ['roles', 'rolebindings'],
    verbs: [...read, ...write],
  };
  const reviews = {
    apiGroups: ['authorization.k8s.io'],
    resources: ['localsubjectaccessreviews'],
    verbs: ['create'],
  };
  return [rbac, reviews];
}

const publicInfo = ['/healthz', '/livez', '/readyz', '/version', '/version/'];
const discovery = ['/api', '/api/*', '/apis', '/apis/*', '/openapi', '/openapi/*', ...publicInfo];

const roles: Readonly<Record<string, PolicyRule[]>> = {
  'cluster-admin': [
    { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
    { nonResourceURLs: ['*'], verbs: ['*'] },
  ],
  'system:aggregate-to-admin': adminRules(),
  'system:aggregate-to-edit': editRules(),
  'system:aggregate-to-view': viewRules(),
  'system:discovery': [{ nonResourceURLs: discovery, verbs: ['get'] }],
  'system:public-info-viewer': [{ nonResourceURLs: publicInfo, verbs: ['get'] }],
  'system:basic-user': [
    {
      apiGroups: ['authorization.k8s.io'],
      resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
      verbs: ['create'],
    },
    { apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'], verbs: ['create'] },
  ],
};

const aggregateTo = (role: string): string => `rbac.authorization.k8s.io/aggregate-to-${role}`;

/** The roles admin, edit and view aggregate from, and what edit and view feed in turn, as v1.32. */
const roleLabels: Readonly<Record<string, Record<string, string>>> = {
  'system:aggregate-to-admin': { [aggregateTo('admin')]: 'true' },
  'system:aggregate-to-edit': { [aggregateTo('edit')]: 'true' },
  'system:aggregate-to-view': { [aggregateTo('view')]: 'true' },
  edit: { [aggregateTo('admin')]: 'true' },
  view: { [aggregateTo('edit')]: 'true' },
};

/** Roles whose rules the aggregation controller builds from those labelled aggregate-to-<name>. */
const aggregatedRoles = ['admin', 'edit', 'view'];

const bindings: Readonly<Record<string, readonly string[]>> = {
  'cluster-admin': ['system:masters'],
  'system:discovery': ['system:authenticated'],
  'system:basic-user': ['system:authenticated'],
  'system:public-info-viewer': ['system:authenticated', 'system:unauthenticated'],
};

const bootstrapMetadata = {
  labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' },
  annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' },
};

function roleMetadata(name: string): Record<string, unknown> {
  const labels = { ...bootstrapMetadata.labels, ...roleLabels[name] };
  return { name, labels, annotations: bootstrapMetadata.annotations };
}

/**
 * Creates the bootstrap roles and bindings, as kube-apiserver's RBAC post-start hook does, and
 * aggregates admin, edit and view right away, so they grant from the moment they exist even where
 * no controllers run.
 */
export function seedDefaultRoles(registry: Registry, clock: Clock): void {
  for (const [name, rules] of Object.entries(roles))
    registry.create(clusterRoleType, undefined, { metadata: roleMetadata(name), rules });
  for (const name of aggregatedRoles) {
    const aggregationRule = {
      clusterRoleSelectors: [{ matchLabels: { [aggregateTo(name)]: 'true' } }],
    };
    registry.create(clusterRoleType, undefined, { metadata: roleMetadata(name), aggregationRule });
  }
  aggregateAllRoles(registry, clock);
  for (const [name, groups] of Object.entries(bindings)) {
    const subjects = groups.map((group) => ({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'Group',
      name: group,
    }));
    const roleRef = { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name };
    registry.create(clusterRoleBindingType, undefined, {
      metadata: { name, ...bootstrapMetadata },
      roleRef,
      subjects,
    });
  }
}
