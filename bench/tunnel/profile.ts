// Profiling driver for the tunnel path, not part of `npm run bench`:
// `node bench/tunnel/profile.ts latency|throughput [out.cpuprofile]` runs one benchmark section
// through the hub (the agent on wss://) and, given a file, writes a CPU profile of just that loop.
// FLOTILLA_BENCH_COUNT sets the loop length, FLOTILLA_BENCH_ENCODING=gzip asks for gzip lists, FLOTILLA_BENCH_PROFILE_DIRECT=1 profiles the direct
// lists instead, FLOTILLA_BENCH_PLAIN_TUNNEL=1 keeps the fleet's plain ws:// agent.
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { startFleet } from '../../test/e2e/support/fleet.ts';
import { closeAgents, get, ms, percentile, timeEach, type Target } from './measure.ts';
import { largeListCluster, largeListPath, largeListReady } from './seed.ts';
import { agentOverTls } from './tls-agent.ts';

const cluster = 'bench-1';
const [mode = 'latency', out] = process.argv.slice(2);
const fleet = await startFleet([largeListCluster(cluster)]);
if (process.env.FLOTILLA_BENCH_PLAIN_TUNNEL !== '1') await agentOverTls(fleet, cluster);
const sim = fleet.simulator.cluster(cluster);
const direct: Target = { url: sim.url, token: sim.token, ca: sim.caCertificate ?? '' };
const hub: Target = {
  url: `${fleet.hub.secureUrl ?? ''}/k8s/clusters/${cluster}`,
  token: fleet.adminToken,
  ca: fleet.hubCa,
};

async function profiled(loop: () => Promise<void>): Promise<void> {
  const session = new Session();
  session.connect();
  if (out !== undefined) {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  await loop();
  if (out !== undefined) {
    const { profile } = await session.post('Profiler.stop');
    await writeFile(out, JSON.stringify(profile));
  }
  session.disconnect();
}

const encoding = process.env.FLOTILLA_BENCH_ENCODING === 'gzip' ? 'gzip' : 'identity';
const count = Number(process.env.FLOTILLA_BENCH_COUNT ?? (mode === 'latency' ? 3000 : 20));
try {
  if (mode === 'latency') {
    await timeEach(200, () => get(hub, '/api/v1/namespaces/kube-system'));
    await profiled(async () => {
      const samples = await timeEach(count, () => get(hub, '/api/v1/namespaces/kube-system'));
      console.log(`hub p50 ${ms(percentile(samples, 50))} p99 ${ms(percentile(samples, 99))}`);
    });
  } else {
    await largeListReady(direct);
    const rate = async (target: Target) => {
      const started = performance.now();
      const bytes = await get(target, largeListPath, { encoding });
      return bytes / 1e6 / ((performance.now() - started) / 1000);
    };
    const measured = async (name: string, target: Target) => {
      const rates: number[] = [];
      const cpu = process.cpuUsage();
      for (let i = 0; i < count; i++) rates.push(await rate(target));
      const { user, system } = process.cpuUsage(cpu);
      const median = percentile(rates, 50).toFixed(0);
      const best = Math.max(...rates).toFixed(0);
      const cpuMs = ((user + system) / 1000 / count).toFixed(1);
      console.log(`${name} median ${median} MB/s, best ${best} MB/s, CPU ${cpuMs} ms per 10 MB`);
    };
    const profiledName = process.env.FLOTILLA_BENCH_PROFILE_DIRECT === '1' ? 'direct' : 'hub';
    await measured('direct', direct);
    await measured('hub', hub);
    await profiled(() => measured(profiledName, profiledName === 'direct' ? direct : hub));
  }
} finally {
  closeAgents();
  await fleet.close();
}
