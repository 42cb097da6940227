// The shapes resource handlers share: the cluster context, one call, and a reply.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Identities } from '../auth/identities.ts';
import type { UserInfo } from '../auth/user.ts';
import type { Clock } from '../clock.ts';
import { parseJson } from './object-body.ts';
import { decodeProtobuf } from './protobuf/decode.ts';
import type { Registry } from './registry.ts';
import type { ResourceType } from './resource-types.ts';

/** A JSON response to send, or `streamed` when the handler wrote the response itself. */
export type Reply = { readonly status: number; readonly body: unknown } | 'streamed';

/** What resource handlers need from their cluster. */
export interface ApiContext {
  readonly registry: Registry;
  readonly clock: Clock;
  readonly bookmarkIntervalMs: number;
  /** The cluster's bearer tokens, for serviceaccounts/token; absent, that subresource is not served. */
  readonly identities?: Identities;
}

/** One incoming resource call, with its body still unread. */
export interface ApiCall {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** Who the request acts as, after impersonation. */
  readonly user: UserInfo;
  readonly query: URLSearchParams;
  readBody(): Promise<Buffer>;
}

/** A reply with `body` and `status` (200 unless told). */
export function ok(body: unknown, status = 200): Reply {
  return { status, body };
}

/** The request body as an object: JSON, or protobuf for the kinds kubectl's typed clients send. */
export async function bodyOf(call: ApiCall, type: ResourceType): Promise<unknown> {
  const bytes = await call.readBody();
  const contentType = call.req.headers['content-type'] ?? '';
  if (contentType.startsWith('application/vnd.kubernetes.protobuf')) return decodeProtobuf(bytes);
  return parseJson(bytes.toString('utf8'), type);
}
