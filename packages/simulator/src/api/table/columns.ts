// Column definitions of the server-side tables, one set per kind, as kube-apiserver prints them.

/** One `TableColumnDefinition`. */
export interface ColumnDefinition {
  readonly name: string;
  readonly type: 'string' | 'integer' | 'date';
  readonly format: string;
  readonly description: string;
  readonly priority: number;
}

function column(
  name: string,
  type: ColumnDefinition['type'] = 'string',
  priority = 0,
): ColumnDefinition {
  const format = name === 'Name' ? 'name' : '';
  const description =
    name === 'Name' ? 'Name must be unique within a namespace.' : `${name} of the object.`;
  return Object.freeze({ name, type, format, description, priority });
}

/** Column definitions from (name, type, priority) triples. */
export function columns(
  ...specs: [string, ColumnDefinition['type']?, number?][]
): ColumnDefinition[] {
  return specs.map(([name, type, priority]) => column(name, type, priority));
}

/** Columns by kind; kinds not listed get NAME and AGE. */
export const columnsByKind: Readonly<Record<string, readonly ColumnDefinition[]>> = {
  Pod: columns(
    ['Name'],
    ['Ready'],
    ['Status'],
    ['Restarts'],
    ['Age'],
    ['IP', 'string', 1],
    ['Node', 'string', 1],
    ['Nominated Node', 'string', 1],
    ['Readiness Gates', 'string', 1],
  ),
  Deployment: columns(
    ['Name'],
    ['Ready'],
    ['Up-to-date', 'integer'],
    ['Available', 'integer'],
    ['Age'],
    ['Containers', 'string', 1],
    ['Images', 'string', 1],
    ['Selector', 'string', 1],
  ),
  ReplicaSet: columns(
    ['Name'],
    ['Desired', 'integer'],
    ['Current', 'integer'],
    ['Ready', 'integer'],
    ['Age'],
    ['Containers', 'string', 1],
    ['Images', 'string', 1],
    ['Selector', 'string', 1],
  ),
  Node: columns(
    ['Name'],
    ['Status'],
    ['Roles'],
    ['Age'],
    ['Version'],
    ['Internal-IP', 'string', 1],
    ['External-IP', 'string', 1],
    ['OS-Image', 'string', 1],
    ['Kernel-Version', 'string', 1],
    ['Container-Runtime', 'string', 1],
  ),
  Namespace: columns(['Name'], ['Status'], ['Age']),
  Service: columns(
    ['Name'],
    ['Type'],
    ['Cluster-IP'],
    ['External-IP'],
    ['Port(s)'],
    ['Age'],
    ['Selector', 'string', 1],
  ),
  ConfigMap: columns(['Name'], ['Data', 'integer'], ['Age']),
  Secret: columns(['Name'], ['Type'], ['Data', 'integer'], ['Age']),
  ServiceAccount: columns(['Name'], ['Secrets', 'integer'], ['Age']),
  Event: columns(
    ['Last Seen'],
    ['Type'],
    ['Reason'],
    ['Object'],
    ['Subobject', 'string', 1],
    ['Source', 'string', 1],
    ['Message'],
    ['First Seen', 'string', 1],
    ['Count', 'integer', 1],
    ['Name', 'string', 1],
  ),
};

const roleColumns = columns(['Name'], ['Created At', 'date']);
const bindingColumns = columns(
  ['Name'],
  ['Role'],
  ['Age'],
  ['Users', 'string', 1],
  ['Groups', 'string', 1],
  ['ServiceAccounts', 'string', 1],
);

/** Columns of the RBAC kinds. */
export const rbacColumns: Readonly<Record<string, readonly ColumnDefinition[]>> = {
  Role: roleColumns,
  ClusterRole: roleColumns,
  RoleBinding: bindingColumns,
  ClusterRoleBinding: bindingColumns,
};

/** The generic NAME, AGE columns. */
export const defaultColumns: readonly ColumnDefinition[] = columns(['Name'], ['Age']);

const webhookColumns = columns(['Name'], ['Webhooks', 'integer'], ['Age']);

/** Columns of the kinds added after the first cut. */
export const moreColumns: Readonly<Record<string, readonly ColumnDefinition[]>> = {
  StatefulSet: columns(
    ['Name'],
    ['Ready'],
    ['Age'],
    ['Containers', 'string', 1],
    ['Images', 'string', 1],
  ),
  DaemonSet: columns(
    ['Name'],
    ['Desired', 'integer'],
    ['Current', 'integer'],
    ['Ready', 'integer'],
    ['Up-to-date', 'integer'],
    ['Available', 'integer'],
    ['Node Selector'],
    ['Age'],
    ['Containers', 'string', 1],
    ['Images', 'string', 1],
    ['Selector', 'string', 1],
  ),
  Job: columns(
    ['Name'],
    ['Status'],
    ['Completions'],
    ['Duration'],
    ['Age'],
    ['Containers', 'string', 1],
    ['Images', 'string', 1],
    ['Selector', 'string', 1],
  ),
  Endpoints: columns(['Name'], ['Endpoints'], ['Age']),
  PodDisruptionBudget: columns(
    ['Name'],
    ['Min Available'],
    ['Max Unavailable'],
    ['Allowed Disruptions', 'integer'],
    ['Age'],
  ),
  HorizontalPodAutoscaler: columns(
    ['Name'],
    ['Reference'],
    ['Targets'],
    ['MinPods', 'integer'],
    ['MaxPods', 'integer'],
    ['Replicas', 'integer'],
    ['Age'],
  ),
  Lease: columns(['Name'], ['Holder'], ['Age']),
  MutatingWebhookConfiguration: webhookColumns,
  ValidatingWebhookConfiguration: webhookColumns,
  CustomResourceDefinition: columns(['Name'], ['Created At', 'date']),
};
