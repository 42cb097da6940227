// REST routes for join tokens: create (the token is answered once), list, revoke.
import { z } from 'zod';
import { FlotillaError, type Environment } from '@flotilla/protocol';
import { authorize, can, canSomewhere } from '../access/can.ts';
import {
  createJoinToken,
  getJoinToken,
  listJoinTokens,
  revokeJoinToken,
} from '../clusters/join-tokens.ts';
import { apiRoute, type ApiRoute } from './api-route.ts';
import type { RouteDeps } from './route-deps.ts';
import { description, environment, idParams, itemsOf, labels, timestamp } from './schemas.ts';

const joinTokenInfo = z.strictObject({
  id: z.string(),
  description: z.string().nullable(),
  environment,
  labels: z.record(z.string(), z.string()),
  maxUses: z.int().nullable(),
  uses: z.int(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
});
/** A join token's record (never the token itself) as the REST API answers it. */
export type JoinTokenInfo = z.output<typeof joinTokenInfo>;

const dayMs = 86_400_000;
const envResource = (env: Environment) => ({ kind: 'environment', environment: env }) as const;

/** The join-token routes. */
export function joinTokenRoutes(deps: RouteDeps): ApiRoute[] {
  const tag = 'join-tokens';
  return [
    apiRoute({
      method: 'GET',
      path: '/join-tokens',
      tag,
      summary: 'List join tokens for the environments the caller manages',
      response: itemsOf(joinTokenInfo),
      handler: async ({ subject }) => {
        const read = { kind: 'join-tokens', verb: 'read' } as const;
        if (!canSomewhere(subject, read)) authorize(subject, read, { kind: 'fleet' });
        const items = await listJoinTokens(deps.db);
        return { items: items.filter((t) => can(subject, read, envResource(t.environment))) };
      },
    }),
    apiRoute({
      method: 'POST',
      path: '/join-tokens',
      tag,
      summary:
        'Create a join token (single- or multi-use, with expiry, preset environment and labels)',
      body: z.strictObject({
        description: description.optional(),
        environment,
        labels: labels.default({}),
        maxUses: z.int().min(1).max(100_000).nullable().default(1),
        expiresAt: timestamp.optional(),
      }),
      response: z.strictObject({ token: z.string(), joinToken: joinTokenInfo }),
      status: 201,
      handler: async ({ subject, actor, body }) => {
        authorize(subject, { kind: 'join-tokens', verb: 'write' }, envResource(body.environment));
        const now = deps.now();
        const expiresAt = body.expiresAt ?? new Date(now.getTime() + dayMs).toISOString();
        if (Date.parse(expiresAt) <= now.getTime())
          throw new FlotillaError('invalid_request', 'expiresAt must be in the future');
        const { token, info } = await createJoinToken(deps.db, { ...body, expiresAt }, actor, now);
        return { token, joinToken: info };
      },
    }),
    apiRoute({
      method: 'DELETE',
      path: '/join-tokens/:id',
      tag,
      summary: 'Revoke a join token (clusters it enrolled keep their credentials)',
      params: idParams,
      response: joinTokenInfo,
      handler: async ({ subject, actor, params }) => {
        const write = { kind: 'join-tokens', verb: 'write' } as const;
        if (!canSomewhere(subject, write)) authorize(subject, write, { kind: 'fleet' });
        const token = await getJoinToken(deps.db, params.id);
        authorize(subject, write, envResource(token.environment));
        return revokeJoinToken(deps.db, params.id, actor, deps.now());
      },
    }),
  ];
}
