// Vocabulary shared by every part: environments, label prefix, cluster names.

/** The environment tiers a cluster belongs to, in rollout order. */
export const environments = ['dev', 'qa', 'uat', 'prod'] as const;
export type Environment = (typeof environments)[number];

/** Prefix of every Kubernetes label and annotation Flotilla writes. */
export const labelPrefix = 'flotilla.dev/';

/** Cluster names double as kubeconfig contexts and URL segments, so they are DNS-1123 labels. */
export const clusterNamePattern = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** True when `value` is a valid cluster name. */
export function isClusterName(value: string): boolean {
  return clusterNamePattern.test(value);
}

/**
 * The groups the hub adds when it impersonates a user in a child cluster: one per hub role the
 * user holds on that cluster. A cluster grants them Kubernetes rights with the bindings that
 * `flotilla agent manifests` installs (admin → cluster-admin, operator → edit, viewer → view),
 * and may bind them more narrowly; the child's RBAC has the last word.
 */
export const hubRoleClusterRoles = {
  admin: 'cluster-admin',
  operator: 'edit',
  viewer: 'view',
} as const;

/** `admin` → `flotilla:admin`. */
export function hubRoleGroup(role: keyof typeof hubRoleClusterRoles): string {
  return `flotilla:${role}`;
}
