// `node bench/tunnel-processes/profile-summary.ts <file.cpuprofile> [top]`: self time of a child's
// CPU profile (from FLOTILLA_BENCH_CPU_PROF) by function, and by module, busiest first.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const [file = '', top = '25'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const byFunction = new Map<string, number>();
const byModule = new Map<string, number>();
const add = (map: Map<string, number>, key: string, us: number) =>
  map.set(key, (map.get(key) ?? 0) + us);
profile.samples.forEach((id, i) => {
  const frame = byId.get(id)?.callFrame;
  const us = profile.timeDeltas[i] ?? 0;
  const where = (frame?.url ?? '')
    .replace(/^.*node_modules\//, '')
    .replace(/^.*\/work\/main\//, '');
  add(
    byFunction,
    `${frame?.functionName || '(anonymous)'} ${where}:${String(frame?.lineNumber)}`,
    us,
  );
  add(byModule, where.split('/').slice(0, 3).join('/') || '(native)', us);
});
const total = [...byFunction.values()].reduce((a, b) => a + b, 0);
const print = (title: string, map: Map<string, number>) => {
  console.log(`${title} (total ${(total / 1000).toFixed(0)} ms)`);
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, Number(top)))
    console.log(
      `${(us / 1000).toFixed(0).padStart(7)} ms ${((us / total) * 100).toFixed(1).padStart(5)}%  ${key}`,
    );
};
print('by function', byFunction);
print('by module', byModule);
