// One way to declare a REST route: zod schemas for params, query and body (which validate the
// request and generate the OpenAPI document), authentication first, then the handler.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { FlotillaError } from '@flotilla/protocol';
import type { Actor } from '../audit/audit.ts';
import type { Authenticator } from '../access/authenticate.ts';
import type { Subject } from '../access/can.ts';

type Schema = z.ZodType | undefined;
type Infer<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

/** What a handler gets: the caller, the parsed input, and the actor to audit changes under. */
export interface RouteContext<P extends Schema, Q extends Schema, B extends Schema> {
  readonly subject: Subject;
  readonly actor: Actor;
  readonly params: Infer<P>;
  readonly query: Infer<Q>;
  readonly body: Infer<B>;
  readonly reply: FastifyReply;
}

/** A route as declared; the same object feeds Fastify and the OpenAPI document. */
export interface ApiRoute<
  P extends Schema = Schema,
  Q extends Schema = Schema,
  B extends Schema = Schema,
> {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Fastify path under /api/v1, e.g. `/clusters/:name`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  readonly response?: z.ZodType;
  /** Status of a success (default 200). */
  readonly status?: number;
  /** Content type of a success that is not JSON (e.g. JSON lines). */
  readonly produces?: string;
  handler(context: RouteContext<P, Q, B>): Promise<unknown>;
}

/** Declares a route with inference from its schemas. */
export function apiRoute<
  P extends Schema = undefined,
  Q extends Schema = undefined,
  B extends Schema = undefined,
>(route: ApiRoute<P, Q, B>): ApiRoute<P, Q, B> {
  return route;
}

/** Parses one part of the request; a failure is a 400 naming each problem. */
export function parsePart<S extends Schema>(schema: S, value: unknown, part: string): Infer<S> {
  if (schema === undefined) {
    const isEmpty =
      value === undefined ||
      value === null ||
      (typeof value === 'object' && Object.keys(value).length === 0);
    if (!isEmpty) throw new FlotillaError('invalid_request', `this route takes no ${part}`);
    return undefined as Infer<S>;
  }
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data as Infer<S>;
  const problems = parsed.error.issues.map((issue) => ({
    path: [part, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw new FlotillaError(
    'invalid_request',
    `invalid ${part}: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
    {
      details: { problems },
    },
  );
}

function actorOf(subject: Subject, request: FastifyRequest): Actor {
  return { name: subject.name, requestId: request.id, source: request.ip };
}

/** Registers `route` under `prefix`, authenticated by `authenticator`. */
export function installRoute(
  app: FastifyInstance,
  prefix: string,
  authenticator: Authenticator,
  route: ApiRoute,
): void {
  app.route({
    method: route.method,
    url: `${prefix}${route.path}`,
    handler: async (request, reply) => {
      const subject = await authenticator.authenticate(request.headers.authorization);
      const context = {
        subject,
        actor: actorOf(subject, request),
        params: parsePart(route.params, request.params, 'params'),
        query: parsePart(route.query, request.query, 'query'),
        body: parsePart(route.body, request.body, 'body'),
        reply,
      };
      const result = await route.handler(context);
      void reply.status(route.status ?? 200);
      return result;
    },
  });
}
