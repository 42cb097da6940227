// REST routes for users, service accounts and their API tokens, and `whoami`.
import { z } from 'zod';
import { FlotillaError } from '@flotilla/protocol';
import { authorize, type Subject } from '../access/can.ts';
import { createUser, disableUser, getUser, listUsers } from '../access/users.ts';
import { findUserToken, listUserTokens } from '../access/credentials.ts';
import { issueUserToken, revokeUserToken } from '../access/user-tokens.ts';
import { apiRoute, type ApiRoute } from './api-route.ts';
import type { RouteDeps } from './route-deps.ts';
import { description, id, itemsOf, timestamp, userName, userParams } from './schemas.ts';

const userInfo = z.strictObject({
  name: z.string(),
  kind: z.enum(['user', 'service-account']),
  createdAt: z.string(),
  disabledAt: z.string().nullable(),
});
const tokenInfo = z.strictObject({
  id: z.string(),
  subject: z.string(),
  description: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
/** A user or service account as the REST API answers it. */
export type UserInfo = z.output<typeof userInfo>;
/** An API token's record (never the token itself) as the REST API answers it. */
export type TokenInfo = z.output<typeof tokenInfo>;

const dayMs = 86_400_000;
const fleet = { kind: 'fleet' } as const;
const userResource = (name: string) => ({ kind: 'user', name }) as const;

function expiry(requested: string | undefined, now: Date): string {
  const at = requested ?? new Date(now.getTime() + 90 * dayMs).toISOString();
  const ms = Date.parse(at) - now.getTime();
  if (ms <= 0 || ms > 366 * dayMs)
    throw new FlotillaError('invalid_request', 'expiresAt must be in the future and within a year');
  return at;
}

function whoami(subject: Subject) {
  return {
    name: subject.name,
    kind: subject.kind,
    groups: subject.groups,
    via: subject.via,
    grants: subject.grants,
  };
}

const whoamiRoute = apiRoute({
  method: 'GET',
  path: '/whoami',
  tag: 'users',
  summary: 'Who the caller is, with its groups and grants',
  handler: ({ subject }) => Promise.resolve(whoami(subject)),
});

/** The user and token routes. */
export function userRoutes(deps: RouteDeps): ApiRoute[] {
  return [...userAccountRoutes(deps), ...tokenRoutes(deps)];
}

function userAccountRoutes(deps: RouteDeps): ApiRoute[] {
  const tag = 'users';
  const userAction = (verb: 'read' | 'write') => ({ kind: 'users', verb }) as const;
  return [
    whoamiRoute,
    apiRoute({
      method: 'GET',
      path: '/users',
      tag,
      summary: 'List users and service accounts',
      response: itemsOf(userInfo),
      handler: async ({ subject }) => (
        authorize(subject, userAction('read'), fleet),
        { items: await listUsers(deps.db) }
      ),
    }),
    apiRoute({
      method: 'POST',
      path: '/users',
      tag,
      summary: 'Create a user or service account',
      status: 201,
      response: userInfo,
      body: z.strictObject({
        name: userName,
        kind: z.enum(['user', 'service-account']).default('user'),
      }),
      handler: async ({ subject, actor, body }) => {
        authorize(subject, userAction('write'), fleet);
        return createUser(deps.db, body, actor, deps.now());
      },
    }),
    apiRoute({
      method: 'GET',
      path: '/users/:name',
      tag,
      summary: 'One user',
      params: userParams,
      response: userInfo,
      handler: async ({ subject, params }) => {
        if (subject.name !== params.name) authorize(subject, userAction('read'), fleet);
        return getUser(deps.db, params.name);
      },
    }),
    apiRoute({
      method: 'POST',
      path: '/users/:name/disable',
      tag,
      summary: 'Disable a user and revoke its tokens',
      params: userParams,
      response: userInfo,
      handler: async ({ subject, actor, params }) => {
        authorize(subject, userAction('write'), fleet);
        return disableUser(deps.db, params.name, actor, deps.now());
      },
    }),
  ];
}

function tokenRoutes(deps: RouteDeps): ApiRoute[] {
  const tokenAction = (verb: 'read' | 'write') => ({ kind: 'tokens', verb }) as const;
  return [
    apiRoute({
      method: 'GET',
      path: '/users/:name/tokens',
      tag: 'tokens',
      summary: "A user's API tokens (never their secrets)",
      params: userParams,
      response: itemsOf(tokenInfo),
      handler: async ({ subject, params }) => {
        authorize(subject, tokenAction('read'), userResource(params.name));
        return { items: await listUserTokens(deps.db, params.name) };
      },
    }),
    apiRoute({
      method: 'POST',
      path: '/users/:name/tokens',
      tag: 'tokens',
      summary: 'Create an API token (answered once)',
      params: userParams,
      status: 201,
      body: z.strictObject({
        description: description.optional(),
        expiresAt: timestamp.optional(),
      }),
      response: z.strictObject({ token: z.string(), info: tokenInfo }),
      handler: async ({ subject, actor, params, body }) => {
        authorize(subject, tokenAction('write'), userResource(params.name));
        const now = deps.now();
        const options = {
          description: body.description ?? null,
          expiresAt: expiry(body.expiresAt, now),
        };
        return issueUserToken(deps.db, params.name, options, actor, now);
      },
    }),
    apiRoute({
      method: 'DELETE',
      path: '/users/:name/tokens/:id',
      tag: 'tokens',
      summary: 'Revoke an API token',
      response: tokenInfo,
      params: z.strictObject({ name: userName, id }),
      handler: async ({ subject, actor, params }) => {
        authorize(subject, tokenAction('write'), userResource(params.name));
        if ((await findUserToken(deps.db, params.name, params.id)) === undefined)
          throw new FlotillaError(
            'not_found',
            `token ${params.id} of ${params.name} does not exist`,
          );
        return revokeUserToken(deps.db, params.name, params.id, actor, deps.now());
      },
    }),
  ];
}
