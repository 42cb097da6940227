// A minimal HTTPS client for the simulator benchmark: keep-alive requests and watch streams against one simulated cluster.
import { Agent, request } from 'node:https';
import type { IncomingMessage } from 'node:http';

/** One cluster to talk to. */
export interface Target {
  readonly url: string;
  readonly token: string;
  readonly ca: string;
  readonly agent: Agent;
}

/** A target with its own keep-alive agent (room for `sockets` connections). */
export function targetOf(
  cluster: { url: string; token: string; caCertificate: string | undefined },
  sockets = 16,
): Target {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets, ca: cluster.caCertificate });
  return { url: cluster.url, token: cluster.token, ca: cluster.caCertificate ?? '', agent };
}

/** Sends one request and resolves with the status and the whole body. */
export function send(
  target: Target,
  method: string,
  path: string,
  options: { body?: unknown; accept?: string; contentType?: string } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      authorization: `Bearer ${target.token}`,
      accept: options.accept ?? 'application/json',
    };
    if (options.body !== undefined)
      headers['content-type'] = options.contentType ?? 'application/json';
    const req = request(`${target.url}${path}`, { method, agent: target.agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end(options.body === undefined ? undefined : JSON.stringify(options.body));
  });
}

/** An open watch: `onLine` sees each event line; `close` ends it. */
export interface WatchHandle {
  close(): void;
}

/** Opens a watch on `path` and resolves once the server has answered with headers. */
export function watch(
  target: Target,
  path: string,
  onLine: (line: string) => void,
): Promise<WatchHandle> {
  return new Promise((resolve, reject) => {
    const headers = { authorization: `Bearer ${target.token}`, accept: 'application/json' };
    const req = request(
      `${target.url}${path}`,
      { agent: target.agent, headers },
      (res: IncomingMessage) => {
        let pending = '';
        res.on('data', (chunk: Buffer) => {
          pending += chunk.toString('utf8');
          const lines = pending.split('\n');
          pending = lines.pop() ?? '';
          for (const line of lines) onLine(line);
        });
        res.on('error', () => undefined);
        resolve({ close: () => req.destroy() });
      },
    );
    req.on('error', reject);
    req.end();
  });
}
