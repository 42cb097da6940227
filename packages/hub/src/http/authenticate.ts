// Turns the bearer token of a REST request into a user, or refuses it with 401.
import type { FastifyRequest } from 'fastify';
import { FlotillaError } from '@flotilla/protocol';
import { bearerToken } from '../access/tokens.ts';
import { verifyCredential } from '../access/credentials.ts';
import type { Db } from '../store/store.ts';

/** The user a request acts for. */
export interface User {
  readonly name: string;
}

/** Resolves the request's user; agent credentials are not accepted on the REST API. */
export async function authenticateUser(db: Db, request: FastifyRequest, now: Date): Promise<User> {
  const secret = bearerToken(request.headers.authorization);
  if (secret === undefined) throw new FlotillaError('unauthenticated', 'missing bearer token');
  const subject = await verifyCredential(db, secret, now);
  if (subject?.kind !== 'user')
    throw new FlotillaError('unauthenticated', 'token is unknown, expired or revoked');
  return { name: subject.name };
}
