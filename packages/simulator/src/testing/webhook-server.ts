// A real HTTPS admission webhook for tests and benchmarks: it records every AdmissionReview and answers as told.
import { createServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCertificateAuthority } from '../server/tls.ts';

/** One review the webhook received, with the path it was posted to. */
export interface ReceivedReview {
  readonly path: string;
  readonly request: Record<string, unknown>;
}

/** Decides the `response` of a review (its `uid` is filled in). */
export type Reviewer = (
  review: ReceivedReview,
) => Record<string, unknown> | Promise<Record<string, unknown>>;

/** A listening webhook. */
export interface WebhookServer {
  /** `https://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** Base64 PEM of the CA that signed its certificate, for a configuration's `caBundle`. */
  readonly caBundle: string;
  /** Every review received, oldest first. */
  readonly received: ReceivedReview[];
  close(): Promise<void>;
}

/** An allowing answer that applies JSON patch `operations`. */
export function patchAnswer(operations: readonly unknown[]): Record<string, unknown> {
  const patch = Buffer.from(JSON.stringify(operations)).toString('base64');
  return { allowed: true, patchType: 'JSONPatch', patch };
}

async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  review: Reviewer,
  received: ReceivedReview[],
) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
    request: Record<string, unknown>;
  };
  const entry = { path: req.url ?? '/', request: body.request };
  received.push(entry);
  const response = { ...(await review(entry)), uid: body.request['uid'] };
  const text = JSON.stringify({
    apiVersion: 'admission.k8s.io/v1',
    kind: 'AdmissionReview',
    response,
  });
  res.writeHead(200, { 'content-type': 'application/json' }).end(text);
}

/** Starts a webhook on 127.0.0.1 whose certificate names `hosts` (e.g. `hook.ns.svc`) besides 127.0.0.1. */
export async function startWebhookServer(
  review: Reviewer,
  hosts: readonly string[] = [],
): Promise<WebhookServer> {
  const authority = await createCertificateAuthority('webhook-test-ca');
  const pair = await authority.issueServing(['127.0.0.1', ...hosts]);
  const received: ReceivedReview[] = [];
  const server = createServer({ cert: pair.cert, key: pair.key }, (req, res) => {
    answer(req, res, review, received).catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    port,
    caBundle: Buffer.from(authority.cert).toString('base64'),
    received,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
