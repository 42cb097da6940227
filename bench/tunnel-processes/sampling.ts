// Interleaved, bounded request loops for `npm run bench tunnel-processes`, and the CPU each
// process of the layout spends on one request.
import { get, type Encoding, type Target } from '../tunnel/measure.ts';
import { cpuMsOf } from './children.ts';
import type { Layout } from './layout.ts';

export type PathName = 'direct' | 'hub';
export const processNames = ['client', 'simulator', 'hub', 'agent'] as const;
export type ProcessName = (typeof processNames)[number];

/** One 10 MB list: its rate and the CPU milliseconds each process spent while it ran. */
export interface ListSample {
  readonly megabytes: number;
  readonly seconds: number;
  readonly cpuMs: Record<ProcessName, number>;
}

/**
 * Calls direct then hub, `count` times or until `budgetMs` is spent, whichever comes first, so
 * noise from elsewhere on the machine falls on both paths alike.
 */
export async function interleaved<T>(
  layout: Layout,
  bounds: { count: number; budgetMs: number },
  call: (target: Target) => Promise<T>,
): Promise<Record<PathName, T[]>> {
  const samples: Record<PathName, T[]> = { direct: [], hub: [] };
  const deadline = performance.now() + bounds.budgetMs;
  for (let i = 0; i < bounds.count && performance.now() < deadline; i++) {
    samples.direct.push(await call(layout.direct));
    samples.hub.push(await call(layout.viaHub));
  }
  return samples;
}

function cpuNow(layout: Layout): Record<ProcessName, number> {
  const { user, system } = process.cpuUsage();
  return {
    client: (user + system) / 1000,
    simulator: cpuMsOf(layout.simulator),
    hub: cpuMsOf(layout.hub),
    agent: cpuMsOf(layout.agent),
  };
}

/** GETs `path` from `target` and measures (decoded) MB/s and every process's CPU meanwhile. */
export async function listSample(
  layout: Layout,
  target: Target,
  request: { path: string; encoding: Encoding },
): Promise<ListSample> {
  const before = cpuNow(layout);
  const started = performance.now();
  const bytes = await get(target, request.path, { encoding: request.encoding });
  const seconds = (performance.now() - started) / 1000;
  const after = cpuNow(layout);
  const cpuMs = Object.fromEntries(
    processNames.map((name) => [name, after[name] - before[name]]),
  ) as Record<ProcessName, number>;
  return { megabytes: bytes / 1e6, seconds, cpuMs };
}
