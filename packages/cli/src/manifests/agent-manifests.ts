// What a real cluster needs to run the agent: namespace, service account, a least-privilege
// ClusterRole (impersonation plus the reads the agent makes itself), a Role for the Secret that
// keeps its credential, the hub role bindings, the join token Secret, the agent Deployment and
// the webhook Service.
import { labelPrefix } from '@flotilla/protocol';
import { hubRoleBindings } from './hub-role-bindings.ts';

export interface AgentInstall {
  readonly hubUrl: string;
  readonly cluster: string;
  readonly joinToken: string;
  readonly image: string;
}

export const agentNamespace = 'flotilla-system';
/** The Secret the agent keeps its cluster credential in, once it has joined. */
export const agentCredentialSecret = 'flotilla-agent-credential';
const name = 'flotilla-agent';
const labels = { [`${labelPrefix}component`]: 'agent' };
const meta = (extra: Record<string, unknown> = {}) => ({
  name,
  namespace: agentNamespace,
  labels,
  ...extra,
});

/** The agent's own rights: impersonate (to act as hub users) and read what it reports. */
export function agentClusterRole(): Record<string, unknown> {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name, labels },
    rules: [
      {
        apiGroups: [''],
        resources: ['users', 'groups', 'serviceaccounts'],
        verbs: ['impersonate'],
      },
      {
        apiGroups: [''],
        resources: ['nodes', 'namespaces', 'pods'],
        verbs: ['get', 'list', 'watch'],
      },
      {
        apiGroups: ['apps'],
        resources: ['deployments', 'statefulsets', 'daemonsets', 'replicasets'],
        verbs: ['get', 'list', 'watch'],
      },
      { apiGroups: ['metrics.k8s.io'], resources: ['pods', 'nodes'], verbs: ['get', 'list'] },
    ],
  };
}

/**
 * The agent's rights in its namespace: its credential Secret by name, and create (which RBAC
 * cannot limit by name) for the first save.
 */
export function agentCredentialRole(): Record<string, unknown> {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: meta(),
    rules: [
      {
        apiGroups: [''],
        resources: ['secrets'],
        resourceNames: [agentCredentialSecret],
        verbs: ['get', 'update', 'patch'],
      },
      { apiGroups: [''], resources: ['secrets'], verbs: ['create'] },
    ],
  };
}

function identity(): Record<string, unknown>[] {
  const roleRef = { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name };
  const subjects = [{ kind: 'ServiceAccount', name, namespace: agentNamespace }];
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: agentNamespace, labels } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta() },
    agentClusterRole(),
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name, labels },
      roleRef,
      subjects,
    },
    agentCredentialRole(),
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: meta(),
      roleRef: { ...roleRef, kind: 'Role' },
      subjects,
    },
  ];
}

function container(install: AgentInstall): Record<string, unknown> {
  const env = {
    FLOTILLA_HUB_URL: install.hubUrl,
    FLOTILLA_CLUSTER: install.cluster,
    FLOTILLA_JOIN_TOKEN_FILE: '/var/run/flotilla/join/token',
    FLOTILLA_CREDENTIAL_STORE: 'secret',
    FLOTILLA_CREDENTIAL_SECRET: agentCredentialSecret,
    FLOTILLA_CREDENTIAL_NAMESPACE: agentNamespace,
  };
  const probe = (path: string) => ({ httpGet: { path, port: 8081 }, periodSeconds: 10 });
  return {
    name: 'agent',
    image: install.image,
    args: ['agent'],
    env: Object.entries(env).map(([key, value]) => ({ name: key, value })),
    ports: [
      { name: 'health', containerPort: 8081 },
      { name: 'webhook', containerPort: 8443 },
    ],
    livenessProbe: probe('/healthz'),
    readinessProbe: probe('/readyz'),
    resources: { requests: { cpu: '50m', memory: '96Mi' }, limits: { memory: '256Mi' } },
    securityContext: {
      runAsNonRoot: true,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
    },
    volumeMounts: [{ name: 'join', mountPath: '/var/run/flotilla/join', readOnly: true }],
  };
}

function workload(install: AgentInstall): Record<string, unknown>[] {
  const selector = { 'app.kubernetes.io/name': name };
  const volumes = [{ name: 'join', secret: { secretName: `${name}-join` } }];
  return [
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: meta({ name: `${name}-join` }),
      type: 'Opaque',
      stringData: { token: install.joinToken },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta(),
      spec: {
        replicas: 1,
        selector: { matchLabels: selector },
        template: {
          metadata: { labels: { ...selector, ...labels } },
          spec: { serviceAccountName: name, containers: [container(install)], volumes },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta({ name: 'flotilla-webhook' }),
      spec: { selector, ports: [{ name: 'https', port: 443, targetPort: 'webhook' }] },
    },
  ];
}

/** Every object, in the order `kubectl apply` should create them. */
export function agentManifests(install: AgentInstall): Record<string, unknown>[] {
  return [...identity(), ...hubRoleBindings(), ...workload(install)];
}
