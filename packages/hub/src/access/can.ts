/**
 * The hub's one access decision: `can(subject, action, resource)`. Every REST route, every
 * proxied Kubernetes request and every mutating dashboard control asks it, and nothing else
 * decides who may do what.
 *
 * Contract (for callers such as the Kubernetes proxy):
 * - `subject` comes from `Authenticator.authenticate` (access/authenticate.ts): the user or
 *   service account, its groups, and the role bindings that apply to it, already loaded — so
 *   `can` is synchronous and pure; call it per request without touching the store.
 * - `action` names what is done: `{ kind: 'kubernetes', verb: 'get' }` for a proxied request
 *   (verbs as Kubernetes authorizes them: get, list, watch, create, update, patch, delete,
 *   deletecollection, exec, attach, portforward, proxy, impersonate, escalate, bind), or a hub
 *   action such as `{ kind: 'clusters', verb: 'label' }`. Its permission name is
 *   `<kind>:<verb>`, e.g. `kubernetes:delete`; denials name it.
 * - `resource` is where: `{ kind: 'cluster', name, environment }` for anything on one cluster
 *   (build it with `clusterResource(row)` so environment-scoped bindings apply), an
 *   environment, the whole fleet, or a user (whose own API tokens are always theirs to manage).
 * - `authorize` is `can` that throws `forbidden` (HTTP 403) with `details.permission`.
 *
 * Roles: viewer reads (clusters, audit, Kubernetes get/list/watch); operator also labels and
 * registers clusters, manages join tokens and changes workloads (Kubernetes writes, exec,
 * port-forward); admin may do everything, including users, tokens, role bindings, credentials
 * and decommissioning. A binding grants its role only within its scope.
 */
import { FlotillaError, type Environment } from '@flotilla/protocol';

export const roles = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof roles)[number];

export const kubernetesVerbs = [
  'get',
  'list',
  'watch',
  'create',
  'update',
  'patch',
  'delete',
  'deletecollection',
  'exec',
  'attach',
  'portforward',
  'proxy',
  'impersonate',
  'escalate',
  'bind',
] as const;
export type KubernetesVerb = (typeof kubernetesVerbs)[number];

/** What is being done; the permission is `<kind>:<verb>`. */
export type Action =
  | { readonly kind: 'kubernetes'; readonly verb: KubernetesVerb }
  | {
      readonly kind: 'clusters';
      readonly verb: 'read' | 'register' | 'label' | 'decommission' | 'credentials';
    }
  | { readonly kind: 'join-tokens'; readonly verb: 'read' | 'write' }
  | { readonly kind: 'users'; readonly verb: 'read' | 'write' }
  | { readonly kind: 'tokens'; readonly verb: 'read' | 'write' }
  | { readonly kind: 'role-bindings'; readonly verb: 'read' | 'write' }
  | { readonly kind: 'audit'; readonly verb: 'read' };

/** Where it is done. */
export type Resource =
  | { readonly kind: 'fleet' }
  | { readonly kind: 'environment'; readonly environment: Environment }
  | { readonly kind: 'cluster'; readonly name: string; readonly environment: Environment }
  | { readonly kind: 'user'; readonly name: string };

/** The reach of a binding. */
export type Scope =
  | { readonly kind: 'fleet' }
  | { readonly kind: 'environments'; readonly environments: readonly Environment[] }
  | { readonly kind: 'clusters'; readonly clusters: readonly string[] };

/** A role over a scope, as it applies to a subject. */
export interface Grant {
  readonly role: Role;
  readonly scope: Scope;
}

/** Who asks: resolved once per request by the authenticator. */
export interface Subject {
  readonly kind: 'user' | 'service-account';
  readonly name: string;
  readonly groups: readonly string[];
  readonly grants: readonly Grant[];
  readonly via: 'token' | 'oidc';
}

const viewer: readonly string[] = [
  'clusters:read',
  'audit:read',
  'kubernetes:get',
  'kubernetes:list',
  'kubernetes:watch',
];
const operator: readonly string[] = [
  ...viewer,
  'clusters:register',
  'clusters:label',
  'join-tokens:read',
  'join-tokens:write',
  ...['create', 'update', 'patch', 'delete', 'deletecollection'].map((v) => `kubernetes:${v}`),
  ...['exec', 'attach', 'portforward', 'proxy'].map((v) => `kubernetes:${v}`),
];
const permissionsOf: Readonly<Record<Exclude<Role, 'admin'>, ReadonlySet<string>>> = {
  viewer: new Set(viewer),
  operator: new Set(operator),
};

/** The permission an action needs, e.g. `clusters:label`. */
export function permissionOf(action: Action): string {
  return `${action.kind}:${action.verb}`;
}

/** True when `role` includes the permission (admin includes every one). */
export function roleAllows(role: Role, permission: string): boolean {
  return role === 'admin' || permissionsOf[role].has(permission);
}

/** True when a binding with `scope` reaches `resource`; users and the fleet need a fleet scope. */
export function scopeCovers(scope: Scope, resource: Resource): boolean {
  switch (scope.kind) {
    case 'fleet':
      return true;
    case 'environments':
      return (
        (resource.kind === 'cluster' || resource.kind === 'environment') &&
        scope.environments.includes(resource.environment)
      );
    case 'clusters':
      return resource.kind === 'cluster' && scope.clusters.includes(resource.name);
  }
}

const isOwnTokens = (subject: Subject, action: Action, resource: Resource) =>
  action.kind === 'tokens' && resource.kind === 'user' && resource.name === subject.name;

/** The access decision: may `subject` do `action` on `resource`? */
export function can(subject: Subject, action: Action, resource: Resource): boolean {
  if (isOwnTokens(subject, action, resource)) return true;
  const permission = permissionOf(action);
  return subject.grants.some(
    (g) => roleAllows(g.role, permission) && scopeCovers(g.scope, resource),
  );
}

/** True when some binding grants `action` somewhere (a list route then filters by `can`). */
export function canSomewhere(subject: Subject, action: Action): boolean {
  const permission = permissionOf(action);
  return subject.grants.some((g) => roleAllows(g.role, permission));
}

/** Words for a resource in a denial message. */
export function describeResource(resource: Resource): string {
  switch (resource.kind) {
    case 'fleet':
      return 'the fleet';
    case 'environment':
      return `environment ${resource.environment}`;
    case 'cluster':
      return `cluster ${resource.name}`;
    case 'user':
      return `user ${resource.name}`;
  }
}

/** The 403 for a denied action, naming the missing permission. */
export function forbidden(subject: Subject, action: Action, resource: Resource): FlotillaError {
  const permission = permissionOf(action);
  return new FlotillaError(
    'forbidden',
    `${subject.name} lacks ${permission} on ${describeResource(resource)}`,
    { details: { permission, resource } },
  );
}

/** `can`, throwing the 403 when the answer is no. */
export function authorize(subject: Subject, action: Action, resource: Resource): void {
  if (!can(subject, action, resource)) throw forbidden(subject, action, resource);
}

/** The resource for anything on one cluster, from its registry row. */
export function clusterResource(row: { name: string; environment: string }): Resource {
  return { kind: 'cluster', name: row.name, environment: row.environment as Environment };
}
