// Schemas of the remaining built-in kinds: leases, disruption budgets, autoscalers, RBAC, extensions.
import type { Schema } from './schema-dsl.ts';
import { int, intOrString, kind, names, object, open, openList } from './schema-dsl.ts';
import { ref, refList, str, strList, time } from './schema-dsl.ts';

const { api, meta } = names;
const rbac = (k: string) => api('rbac', 'v1', k);
const rbacGvk = (k: string) => ({ group: 'rbac.authorization.k8s.io', version: 'v1', kind: k });

const policyRule = object(
  'PolicyRule holds information that describes a policy rule.',
  {
    verbs: strList('Verbs that apply to all the resources of this rule; * means all.'),
    apiGroups: strList('The API groups of the resources; "" is the core group.'),
    resources: strList('Resources this rule applies to; * means all.'),
    resourceNames: strList('An optional allow list of names the rule applies to.'),
    nonResourceURLs: strList('Partial URLs a user should have access to.'),
  },
  ['verbs'],
);

const subject = object(
  'Subject references a user, a group or a service account.',
  {
    kind: str('Kind of object being referenced: User, Group or ServiceAccount.'),
    apiGroup: str('API group of the referenced subject.'),
    name: str('Name of the object being referenced.'),
    namespace: str('Namespace of the referenced object, for service accounts.'),
  },
  ['kind', 'name'],
);

const roleRef = object(
  'RoleRef contains information that points to the role being used.',
  {
    apiGroup: str('The group of the resource being referenced.'),
    kind: str('The type of resource being referenced: Role or ClusterRole.'),
    name: str('The name of the resource being referenced.'),
  },
  ['apiGroup', 'kind', 'name'],
);

const rules = refList(rbac('PolicyRule'), 'All the policy rules of this role.');
const binding = {
  subjects: refList(rbac('Subject'), 'References to the objects the role applies to.'),
  roleRef: ref(rbac('RoleRef'), 'The role being granted; cannot be updated.'),
};

const rbacSchemas: Record<string, Schema> = {
  [rbac('Role')]: kind(rbacGvk('Role'), 'A namespaced group of policy rules.', { rules }),
  [rbac('ClusterRole')]: kind(rbacGvk('ClusterRole'), 'A cluster-wide group of policy rules.', {
    rules,
    aggregationRule: open('Describes how to build the rules of this role from other roles.'),
  }),
  [rbac('RoleBinding')]: kind(rbacGvk('RoleBinding'), 'Grants a role in a namespace.', binding),
  [rbac('ClusterRoleBinding')]: kind(
    rbacGvk('ClusterRoleBinding'),
    'Grants a cluster role across the cluster.',
    binding,
  ),
  [rbac('PolicyRule')]: policyRule,
  [rbac('Subject')]: { ...subject, 'x-kubernetes-map-type': 'atomic' },
  [rbac('RoleRef')]: { ...roleRef, 'x-kubernetes-map-type': 'atomic' },
};

const operations: Record<string, Schema> = {
  [api('coordination', 'v1', 'Lease')]: kind(
    { group: 'coordination.k8s.io', version: 'v1', kind: 'Lease' },
    'Lease defines a lease concept.',
    {
      spec: object('The specification of the lease.', {
        holderIdentity: str('The identity of the holder of a current lease.'),
        leaseDurationSeconds: int('Seconds candidates wait before forcing acquisition.'),
        acquireTime: time('When the current lease was acquired.'),
        renewTime: time('When the current holder last updated the lease.'),
        leaseTransitions: int('The number of transitions of a lease between holders.'),
        strategy: str('The strategy for picking the leader in coordinated elections.'),
        preferredHolder: str('Signals to a holder that the lease has a more optimal holder.'),
      }),
    },
  ),
  [api('policy', 'v1', 'PodDisruptionBudget')]: kind(
    { group: 'policy', version: 'v1', kind: 'PodDisruptionBudget' },
    'The maximum disruption that can be caused to a collection of pods.',
    {
      spec: object('The desired behavior of the PodDisruptionBudget.', {
        minAvailable: intOrString('Pods that must still be available after an eviction.'),
        maxUnavailable: intOrString('Pods that may be unavailable after an eviction.'),
        selector: ref(meta('LabelSelector'), 'Label query over pods whose evictions are managed.'),
        unhealthyPodEvictionPolicy: str('When unhealthy running pods may be evicted.'),
      }),
      status: open('Most recently observed status of the PodDisruptionBudget.'),
    },
  ),
  [api('autoscaling', 'v2', 'HorizontalPodAutoscaler')]: kind(
    { group: 'autoscaling', version: 'v2', kind: 'HorizontalPodAutoscaler' },
    'Automatically manages the replica count of a scalable resource.',
    {
      spec: object('The behaviour of the autoscaler.', {
        scaleTargetRef: open('Points to the target resource to scale.'),
        minReplicas: int('The lower limit for the number of replicas.'),
        maxReplicas: int('The upper limit for the number of replicas.'),
        metrics: openList('The metrics used to calculate the desired replica count.'),
        behavior: open('Scaling behavior of the target in both directions.'),
      }),
      status: open('The current information about the autoscaler.'),
    },
  ),
};

function openKind(group: string, version: string, kindName: string, what: string): Schema {
  return kind({ group, version, kind: kindName }, what, {
    spec: open(`The specification of the ${kindName}.`),
    status: open(`The status of the ${kindName}.`),
  });
}

const extensions: Record<string, Schema> = {
  [api('admissionregistration', 'v1', 'MutatingWebhookConfiguration')]: kind(
    { group: 'admissionregistration.k8s.io', version: 'v1', kind: 'MutatingWebhookConfiguration' },
    'Admission webhooks that may change objects.',
    { webhooks: openList('The webhooks and the resources and operations they apply to.') },
  ),
  [api('admissionregistration', 'v1', 'ValidatingWebhookConfiguration')]: kind(
    {
      group: 'admissionregistration.k8s.io',
      version: 'v1',
      kind: 'ValidatingWebhookConfiguration',
    },
    'Admission webhooks that may accept or reject objects.',
    { webhooks: openList('The webhooks and the resources and operations they apply to.') },
  ),
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition': openKind(
    'apiextensions.k8s.io',
    'v1',
    'CustomResourceDefinition',
    'Represents a resource that should be exposed on the API server.',
  ),
};

/** Leases, budgets, autoscalers, RBAC and extension kinds, by component name. */
export const moreSchemas: Readonly<Record<string, Schema>> = {
  ...rbacSchemas,
  ...operations,
  ...extensions,
};

/** A minimal schema for a served kind without a table: its fields are not described. */
export function fallbackKind(group: string, version: string, kindName: string): Schema {
  const schema = openKind(group, version, kindName, `${kindName} (fields not described).`);
  return { ...schema, 'x-kubernetes-preserve-unknown-fields': true };
}
