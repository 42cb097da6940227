// Plain HTTP requests to a hub on fresh connections (no keep-alive pool), so a test can count the
// hub's open connections afterwards and see only what the hub itself kept.
import { request, type IncomingMessage } from 'node:http';

export interface HubResponse {
  readonly status: number;
  readonly body: string;
}

/** Sends one request and reads the whole answer. */
export function hubRequest(url: string, token: string, method = 'GET'): Promise<HubResponse> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { method, agent: false, headers: auth(token) }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      response.on('error', reject);
    });
    sent.on('error', reject);
    sent.end();
  });
}

/** A long request (a watch): resolves once its headers arrive; `cancel` hangs it up. */
export function openStreaming(
  url: string,
  token: string,
): Promise<{ response: IncomingMessage; cancel: () => void }> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { agent: false, headers: auth(token) }, (response) => {
      response.on('error', () => undefined);
      // Read (and drop) the body, so the response can end and close.
      response.resume();
      resolve({ response, cancel: () => sent.destroy() });
    });
    sent.on('error', reject);
    sent.end();
  });
}

function auth(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
