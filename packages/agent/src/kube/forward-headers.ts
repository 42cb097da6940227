// Which headers cross the tunnel to the API server, and the impersonation that replaces the
// user's own credential (the hub user's token never reaches the child cluster).
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { tunnelHeaders, unforwardedHeaders } from '@flotilla/protocol';

// Besides what never crosses the tunnel, the hub's own identity headers are consumed here.
const dropped = new Set([...unforwardedHeaders, ...Object.values(tunnelHeaders)]);

function isForwarded(name: string): boolean {
  return !name.startsWith(':') && !dropped.has(name) && !name.startsWith('impersonate-');
}

/** The hub user's identity as impersonation headers, for the child's RBAC to judge. */
export function impersonation(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const user = headers[tunnelHeaders.user];
  if (typeof user !== 'string' || user === '') return {};
  const groups = String(headers[tunnelHeaders.groups] ?? '')
    .split(',')
    .filter((group) => group !== '');
  return groups.length > 0
    ? { 'impersonate-user': user, 'impersonate-group': groups }
    : { 'impersonate-user': user };
}

/** Request headers for the API server: the client's safe headers plus impersonation. */
export function upstreamRequestHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers))
    if (isForwarded(name) && value !== undefined) out[name] = value;
  return { ...out, ...impersonation(headers) };
}

/** Response headers for the hub: the API server's, minus hop-by-hop ones HTTP/2 forbids. */
export function downstreamResponseHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!dropped.has(name) && value !== undefined) out[name] = value;
  }
  return out;
}
