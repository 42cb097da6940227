// Failures of proxied requests, answered as Kubernetes `Status` objects so kubectl and
// client-node report them in their usual words.
import type { ServerResponse } from 'node:http';
import { FlotillaError, errorCodes, kubernetesStatus } from '@flotilla/protocol';

/** Status code and message for anything thrown while proxying. */
function describe(error: unknown): {
  code: number;
  message: string;
  details?: Record<string, unknown>;
} {
  if (!(error instanceof FlotillaError)) return { code: 500, message: 'internal error in the hub' };
  const details =
    typeof error.details === 'object' && error.details !== null
      ? (error.details as Record<string, unknown>)
      : undefined;
  return {
    code: errorCodes[error.code].status,
    message: error.message,
    ...(details ? { details } : {}),
  };
}

/** The HTTP status and JSON `Status` body for anything thrown while proxying. */
export function statusResponse(error: unknown): { code: number; body: string } {
  const { code, message, details } = describe(error);
  return { code, body: JSON.stringify(kubernetesStatus(code, message, details)) };
}

/** Writes the Status for `error`, or cuts the response if it had already begun. */
export function failProxied(response: ServerResponse, error: unknown): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const { code, body } = statusResponse(error);
  response.writeHead(code, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}
