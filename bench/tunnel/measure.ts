// Small measuring helpers for the tunnel benchmark: timed request loops and percentiles.
import type { IncomingMessage } from 'node:http';
import { Agent, request } from 'node:https';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

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

/** How a GET asks for its body: as kubectl does by default (gzip), or uncompressed. */
export type Encoding = 'gzip' | 'identity';

/** The two ways the benchmarks request the big list, with the label their tables print. */
export const listEncodings: readonly { encoding: Encoding; label: string }[] = [
  { encoding: 'gzip', label: 'as kubectl asks for it (gzip)' },
  { encoding: 'identity', label: 'uncompressed (`kubectl --disable-compression`)' },
];

export interface GetOptions {
  readonly encoding?: Encoding;
  readonly onStart?: (response: IncomingMessage) => void;
}

/** The body as the client reads it: decompressed when the server sent gzip, as kubectl does. */
function decoded(response: IncomingMessage): Readable {
  return response.headers['content-encoding'] === 'gzip'
    ? response.pipe(createGunzip({ chunkSize: 64 * 1024 }))
    : response;
}

/** One GET; resolves with the (decoded) body size once it is fully read. */
export function get(target: Target, path: string, options: GetOptions = {}): Promise<number> {
  const headers = {
    authorization: `Bearer ${target.token}`,
    accept: 'application/json',
    'accept-encoding': options.encoding ?? 'identity',
  };
  return new Promise((resolve, reject) => {
    const req = request(
      `${target.url}${path}`,
      { agent: agentFor(target), headers },
      (response) => {
        options.onStart?.(response);
        let bytes = 0;
        const body = decoded(response);
        body.on('data', (chunk: Buffer) => (bytes += chunk.length));
        body.on('end', () => resolve(bytes));
        body.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** One GET's body, parsed as JSON. */
export async function getJson(target: Target, path: string): Promise<unknown> {
  const chunks: Buffer[] = [];
  await get(target, path, {
    onStart: (response) => response.on('data', (c: Buffer) => chunks.push(c)),
  });
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
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

/** `a` as a whole percentage of `b`. */
export const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(0)}%`;

/** Closes the keep-alive agents so the process can exit. */
export function closeAgents(): void {
  for (const agent of agents.values()) agent.destroy();
  agents.clear();
}

/** MB/s over a set of lists: all their bytes over all their time. */
export function overallRate(samples: readonly { megabytes: number; seconds: number }[]): number {
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return sum(samples.map((s) => s.megabytes)) / sum(samples.map((s) => s.seconds));
}

/** Why the verdict uses the overall rate. */
export const overallMeaning =
  '"overall" is all runs\' bytes over all runs\' time, the figure compared. Single lists are bimodal: a major garbage collection (tens of MB of buffers per list) lands on some of them and not on others, so a median can fall in either mode and swing by ±20% from one run of the benchmark to the next; the overall rate holds steadier.';
