// REST routes for role bindings: who holds which role over which scope.
import { z } from 'zod';
import { authorize } from '../access/can.ts';
import { createRoleBinding, deleteRoleBinding, listRoleBindings } from '../access/role-bindings.ts';
import { apiRoute, type ApiRoute } from './api-route.ts';
import type { RouteDeps } from './route-deps.ts';
import { idParams, itemsOf, role, scope, subjectName } from './schemas.ts';

const bindingSubject = z.strictObject({ kind: z.enum(['user', 'group']), name: subjectName });
const roleBinding = z.strictObject({
  id: z.string(),
  role,
  subject: bindingSubject,
  scope,
  createdAt: z.string(),
});
/** A role binding as the REST API answers it. */
export type RoleBindingInfo = z.output<typeof roleBinding>;

const fleet = { kind: 'fleet' } as const;

/** The role-binding routes (fleet admins only: bindings decide everything else). */
export function roleBindingRoutes(deps: RouteDeps): ApiRoute[] {
  const tag = 'role-bindings';
  const action = (verb: 'read' | 'write') => ({ kind: 'role-bindings', verb }) as const;
  return [
    apiRoute({
      method: 'GET',
      path: '/role-bindings',
      tag,
      summary: 'List role bindings',
      response: itemsOf(roleBinding),
      handler: async ({ subject }) => {
        authorize(subject, action('read'), fleet);
        return { items: await listRoleBindings(deps.db) };
      },
    }),
    apiRoute({
      method: 'POST',
      path: '/role-bindings',
      tag,
      summary: 'Grant a role to a user or group over the fleet, environments or clusters',
      body: z.strictObject({ role, subject: bindingSubject, scope }),
      response: roleBinding,
      status: 201,
      handler: async ({ subject, actor, body }) => {
        authorize(subject, action('write'), fleet);
        return createRoleBinding(deps.db, body, actor, deps.now());
      },
    }),
    apiRoute({
      method: 'DELETE',
      path: '/role-bindings/:id',
      tag,
      summary: 'Delete a role binding',
      params: idParams,
      status: 204,
      handler: async ({ subject, actor, params }) => {
        authorize(subject, action('write'), fleet);
        await deleteRoleBinding(deps.db, params.id, actor, deps.now());
        return undefined;
      },
    }),
  ];
}
