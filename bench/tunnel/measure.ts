// Small measuring helpers for the tunnel benchmark: timed request loops and percentiles.
import type { IncomingMessage } from 'node:http';
import { Agent, request } from 'node:https';

export interface Target {
  readonly url: string;
  readonly token: string;
  readonly ca: string;
}

/** Keep-alive agents per target, as kubectl and informers reuse connections. */
const agents = new Map<string, Agent>();

function agentFor(target: Target): Agent {
  const existing = agents.get(target.url);
  if (existing !== undefined) return existing;
  const agent = new Agent({ keepAlive: true, ca: target.ca, maxSockets: 64 });
  agents.set(target.url, agent);
  return agent;
}

/** One GET; resolves with the body size once it is fully read. */
export function get(
  target: Target,
  path: string,
  onStart?: (response: IncomingMessage) => void,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${target.url}${path}`,
      {
        agent: agentFor(target),
        headers: { authorization: `Bearer ${target.token}`, accept: 'application/json' },
      },
      (response) => {
        onStart?.(response);
        let bytes = 0;
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('end', () => resolve(bytes));
        response.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Milliseconds `call` took. */
export async function elapsed(call: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await call();
  return performance.now() - started;
}

/** Milliseconds of each of `count` sequential calls. */
export async function timeEach(count: number, call: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) samples.push(await elapsed(call));
  return samples;
}

/** The p-th percentile (0–100) of `samples`. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export const ms = (value: number) => `${value.toFixed(2)} ms`;

/** Closes the keep-alive agents so the process can exit. */
export function closeAgents(): void {
  for (const agent of agents.values()) agent.destroy();
  agents.clear();
}
