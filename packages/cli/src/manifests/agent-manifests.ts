// What a real cluster needs to run the agent: namespace, service account, a least-privilege
// ClusterRole (impersonation plus the reads the agent makes itself), the hub role bindings, the
// join token Secret, the agent Deployment and the webhook Service.
import { labelPrefix } from '@flotilla/protocol';
import { hubRoleBindings } from './hub-role-bindings.ts';

export interface AgentInstall {
  readonly hubUrl: string;
  readonly cluster: string;
  readonly joinToken: string;
  readonly image: string;
}

export const agentNamespace = 'flotilla-system';
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

function identity(): Record<string, unknown>[] {
  const roleRef = { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name };
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: agentNamespace, labels } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta() },
    agentClusterRole(),
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name, labels },
      roleRef,
      subjects: [{ kind: 'ServiceAccount', name, namespace: agentNamespace }],
    },
  ];
}

function container(install: AgentInstall): Record<string, unknown> {
  const env = {
    FLOTILLA_HUB_URL: install.hubUrl,
    FLOTILLA_CLUSTER: install.cluster,
    FLOTILLA_JOIN_TOKEN_FILE: '/var/run/flotilla/join/token',
    FLOTILLA_CREDENTIAL_FILE: '/var/lib/flotilla/credential',
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
    volumeMounts: [
      { name: 'join', mountPath: '/var/run/flotilla/join', readOnly: true },
      { name: 'state', mountPath: '/var/lib/flotilla' },
    ],
  };
}

function workload(install: AgentInstall): Record<string, unknown>[] {
  const selector = { 'app.kubernetes.io/name': name };
  const volumes = [
    { name: 'join', secret: { secretName: `${name}-join` } },
    { name: 'state', emptyDir: {} },
  ];
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
