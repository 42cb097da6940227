// Which client headers travel to the agent: none that name a hop, the user's own credential, or
// an identity; the hub states the identity itself, from what it authenticated.
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { tunnelHeaders, unforwardedHeaders } from '@flotilla/protocol';

function isForwarded(name: string): boolean {
  return (
    !unforwardedHeaders.has(name) &&
    !name.startsWith('impersonate-') &&
    !name.startsWith('x-flotilla-')
  );
}

/** The request headers for the tunnel stream, with the hub user as the identity to impersonate. */
export function tunnelRequestHeaders(
  headers: IncomingHttpHeaders,
  user: { name: string; groups: readonly string[] },
): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers))
    if (isForwarded(name) && value !== undefined) out[name] = value;
  out[tunnelHeaders.user] = user.name;
  if (user.groups.length > 0) out[tunnelHeaders.groups] = user.groups.join(',');
  return out;
}

/** Response headers for the client, from the agent's HTTP/2 answer. */
export function clientResponseHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers))
    if (!name.startsWith(':') && value !== undefined) out[name] = value;
  return out;
}
