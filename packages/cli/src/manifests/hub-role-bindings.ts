// The ClusterRoleBindings that give the hub's roles their Kubernetes rights in a child cluster:
// the hub impersonates each user with a `flotilla:<role>` group per hub role it holds there.
import { hubRoleClusterRoles, hubRoleGroup, labelPrefix } from '@flotilla/protocol';

/** One binding per hub role, to the built-in ClusterRole of matching power. */
export function hubRoleBindings(): Record<string, unknown>[] {
  return Object.entries(hubRoleClusterRoles).map(([role, clusterRole]) => ({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: `flotilla-hub-${role}`, labels: { [`${labelPrefix}component`]: 'agent' } },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: clusterRole },
    subjects: [
      {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'Group',
        name: hubRoleGroup(role as keyof typeof hubRoleClusterRoles),
      },
    ],
  }));
}
