// One AdmissionReview POST to a webhook over HTTPS, verified against the configuration's caBundle.
import { request } from 'node:https';
import type { Agent } from 'node:https';
import { isIP } from 'node:net';
import type { ServiceRoutes } from './service-routes.ts';
import type { Webhook } from './webhooks.ts';

/** A webhook that could not be called or answered nonsense; its failurePolicy decides what follows. */
export class WebhookCallError extends Error {
  override readonly name = 'WebhookCallError';
}

/** Where to connect, and which name the serving certificate must carry. */
interface Endpoint {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly path: string;
  readonly serverName: string;
}

function endpointOf(webhook: Webhook, services: ServiceRoutes): Endpoint {
  const timeout = `timeout=${webhook.timeoutSeconds}s`;
  if ('url' in webhook.target) {
    const url = new URL(webhook.target.url);
    url.searchParams.set('timeout', `${webhook.timeoutSeconds}s`);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const port = Number(url.port || 443);
    return { url: url.href, host, port, path: `${url.pathname}${url.search}`, serverName: host };
  }
  const { namespace, name, port, path } = webhook.target.service;
  const serverName = `${name}.${namespace}.svc`;
  const url = `https://${serverName}:${port}${path}?${timeout}`;
  const address = services.resolve({ namespace, name, port });
  if (!address) {
    const reason = `dial tcp: lookup ${serverName} on 10.96.0.10:53: no such host`;
    throw new WebhookCallError(`failed to call webhook: Post "${url}": ${reason}`);
  }
  return { url, ...address, path: `${path}?${timeout}`, serverName };
}

function post(endpoint: Endpoint, webhook: Webhook, body: string, agent: Agent): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: endpoint.host,
        port: endpoint.port,
        path: endpoint.path,
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        ...(webhook.caBundle ? { ca: webhook.caBundle } : {}),
        // The certificate is checked against the servername (a Service's DNS name) or else the host;
        // SNI carries host names only. A custom checkServerIdentity would stop sockets being reused.
        ...(isIP(endpoint.serverName) ? {} : { servername: endpoint.serverName }),
        timeout: webhook.timeoutSeconds * 1000,
        // Connections are kept alive per address and TLS settings, as kube-apiserver's webhook clients do.
        agent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve(text);
          else
            reject(
              new Error(
                `an error on the server (${JSON.stringify(text)}) has prevented the request from succeeding`,
              ),
            );
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('context deadline exceeded')));
    req.on('error', reject);
    req.end(body);
  });
}

/** Posts `review` to `webhook` and returns the parsed answer; throws `WebhookCallError` on any failure. */
export async function callWebhook(
  webhook: Webhook,
  review: unknown,
  route: { services: ServiceRoutes; agent: Agent },
): Promise<unknown> {
  const endpoint = endpointOf(webhook, route.services);
  let text: string;
  try {
    text = await post(endpoint, webhook, JSON.stringify(review), route.agent);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const isHttpFailure = reason.startsWith('an error on the server');
    const where = isHttpFailure ? '' : `Post "${endpoint.url}": `;
    throw new WebhookCallError(`failed to call webhook: ${where}${reason}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new WebhookCallError('failed to call webhook: the server responded with non-JSON');
  }
}
