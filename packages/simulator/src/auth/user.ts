// Who a request is from, as authentication (and impersonation) decide it.

/** An authenticated identity, shaped like kube-apiserver's user.Info. */
export interface UserInfo {
  readonly username: string;
  readonly uid?: string;
  readonly groups: readonly string[];
  readonly extra?: Readonly<Record<string, readonly string[]>>;
}

/** The group every authenticated identity belongs to. */
export const authenticatedGroup = 'system:authenticated';

/** The group that bypasses authorization, as on every real cluster. */
export const mastersGroup = 'system:masters';

const serviceAccountPrefix = 'system:serviceaccount:';

/** `system:serviceaccount:<ns>:<name>` split into its namespace and name, if it is one. */
export function serviceAccountOf(
  username: string,
): { namespace: string; name: string } | undefined {
  if (!username.startsWith(serviceAccountPrefix)) return undefined;
  const [namespace = '', name = ''] = username.slice(serviceAccountPrefix.length).split(':');
  return namespace && name ? { namespace, name } : undefined;
}

/** The username of a service account. */
export function serviceAccountUsername(namespace: string, name: string): string {
  return `${serviceAccountPrefix}${namespace}:${name}`;
}

/** `groups` plus the groups the API server adds: service-account groups and system:authenticated. */
export function withImpliedGroups(username: string, groups: readonly string[]): string[] {
  const account = serviceAccountOf(username);
  const implied = account
    ? ['system:serviceaccounts', `system:serviceaccounts:${account.namespace}`]
    : [];
  const all = [...groups, ...implied];
  if (username !== 'system:anonymous') all.push(authenticatedGroup);
  return [...new Set(all)];
}

/** The identity of a request without credentials, on the paths that allow one. */
export const anonymousUser: UserInfo = Object.freeze({
  username: 'system:anonymous',
  groups: ['system:unauthenticated'],
});
