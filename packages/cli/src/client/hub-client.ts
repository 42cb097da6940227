// A small REST client for the hub's /api/v1: JSON in and out, the hub's error shape turned into
// one readable message.
import { FlotillaError, apiPrefix, isErrorCode } from '@flotilla/protocol';
import type { ClientConfig } from './client-config.ts';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Calls the hub. */
export interface HubClient {
  request<T = unknown>(method: Method, path: string, body?: object): Promise<T>;
  /** The raw text of a GET (for exports). */
  text(path: string): Promise<string>;
}

async function failure(response: Response): Promise<FlotillaError> {
  const body = (await response.json().catch(() => ({}))) as {
    error?: { code?: unknown; message?: string };
  };
  const code = isErrorCode(body.error?.code) ? body.error.code : 'internal';
  return new FlotillaError(code, body.error?.message ?? `hub answered ${response.status}`);
}

/** A client for `config.hub` acting with `config.token`. */
export function hubClient(config: ClientConfig): HubClient {
  const call = async (method: Method, path: string, body?: object) => {
    const response = await fetch(`${config.hub}${apiPrefix}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${config.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw await failure(response);
    return response;
  };
  return {
    async request<T>(method: Method, path: string, body?: object) {
      const response = await call(method, path, body);
      return (response.status === 204 ? undefined : await response.json()) as T;
    },
    async text(path) {
      return (await call('GET', path)).text();
    },
  };
}
