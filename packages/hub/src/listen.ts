// Binding the hub's port, with a plain-words error when it cannot.
import type { HubConfig } from './config.ts';
import type { Hub } from './build-hub.ts';

/** Thrown when the hub cannot bind; its message is meant for the person who started it. */
export class ListenError extends Error {
  constructor(message: string, cause: unknown) {
    super(message, { cause });
    this.name = 'ListenError';
  }
}

function explain(error: unknown, config: HubConfig): string {
  const code = (error as NodeJS.ErrnoException).code;
  const where = `${config.host}:${config.port}`;
  if (code === 'EADDRINUSE')
    return `port ${config.port} on ${config.host} is already in use; stop the other process or choose another port with --port or FLOTILLA_PORT`;
  if (code === 'EACCES')
    return `not allowed to listen on ${where}; choose a port above 1023 or run with the needed privilege`;
  if (code === 'EADDRNOTAVAIL')
    return `address ${config.host} is not available on this machine; check --host or FLOTILLA_HOST`;
  return `cannot listen on ${where}: ${(error as Error).message}`;
}

/** Listens and returns the base URL, e.g. `http://127.0.0.1:8080` (the real port when 0 was asked). */
export async function listenOrExplain(hub: Hub, config: HubConfig): Promise<string> {
  try {
    await hub.app.listen({ host: config.host, port: config.port });
  } catch (error) {
    throw new ListenError(explain(error, config), error);
  }
  const address = hub.app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return `http://${host}:${port}`;
}
