// The bootstrap ClusterRoles and ClusterRoleBindings every cluster starts with (flattened, no aggregation).
import type { Registry } from '../api/registry.ts';
import type { PolicyRule } from './rbac-rules.ts';
import { clusterRoleBindingType, clusterRoleType } from './rbac-authorizer.ts';

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
  return [...viewRules(), ...writes, pods, secrets, impersonate];
}

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
  return [...editRules(), rbac, reviews];
}

const publicInfo = ['/healthz', '/livez', '/readyz', '/version', '/version/'];
const discovery = ['/api', '/api/*', '/apis', '/apis/*', '/openapi', '/openapi/*', ...publicInfo];

const roles: Readonly<Record<string, PolicyRule[]>> = {
  'cluster-admin': [
    { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
    { nonResourceURLs: ['*'], verbs: ['*'] },
  ],
  admin: adminRules(),
  edit: editRules(),
  view: viewRules(),
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

/** Creates the bootstrap roles and bindings, as kube-apiserver's RBAC post-start hook does. */
export function seedDefaultRoles(registry: Registry): void {
  for (const [name, rules] of Object.entries(roles))
    registry.create(clusterRoleType, undefined, {
      metadata: { name, ...bootstrapMetadata },
      rules,
    });
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
