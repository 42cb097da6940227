// Starts the production layout for `npm run bench tunnel-processes`: the simulated API server,
// the hub and the real agent (`flotilla agent`), each in its own child process on 127.0.0.1.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCertificateAuthority } from '@flotilla/simulator';
import type { Target } from '../tunnel/measure.ts';
import { startChild, stopChild, type Child } from './children.ts';
import type { HubReady } from './hub-process.ts';
import type { ClusterContent, SimulatorReady } from './simulator-process.ts';

/** The three processes and how the bench process (the client) reaches the cluster. */
export interface Layout {
  readonly simulator: Child;
  readonly hub: Child;
  readonly agent: Child;
  readonly direct: Target;
  readonly viaHub: Target;
}

const cluster = 'bench-1';
const script = (name: string) => new URL(name, import.meta.url).pathname;
const cli = new URL('../../packages/cli/src/main.ts', import.meta.url).pathname;

// The hub serves HTTPS with a certificate from a CA of our own, as test/e2e/support/fleet.ts does.
async function hubCertificate(dir: string): Promise<string> {
  const authority = await createCertificateAuthority('flotilla-bench-hub-ca');
  const serving = await authority.issueServing(['127.0.0.1']);
  await writeFile(join(dir, 'hub.crt'), serving.cert);
  await writeFile(join(dir, 'hub.key'), serving.key);
  await writeFile(join(dir, 'hub-ca.pem'), authority.cert);
  return authority.cert;
}

// The agent as an operator runs it, trusting the hub's CA through NODE_EXTRA_CA_CERTS.
function startAgent(dir: string, hubUrl: string): Child {
  const args = [cli, 'agent', '--hub-url', hubUrl, '--cluster', cluster];
  args.push('--credential-file', join(dir, `${cluster}.token`));
  args.push('--kubeconfig', join(dir, `${cluster}.kubeconfig`), '--health', 'false');
  args.push('--log-level', 'warn');
  return startChild('agent', args, { NODE_EXTRA_CA_CERTS: join(dir, 'hub-ca.pem') });
}

async function waitConnected(hub: Child, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    hub.send('sessions');
    if ((await hub.next<{ sessions: number }>()).sessions === 1) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the agent did not connect within ${String(timeoutMs)} ms`);
}

async function startAll(dir: string, children: Child[], content: ClusterContent): Promise<Layout> {
  const hubCa = await hubCertificate(dir);
  const simulator = startChild('simulator', [script('./simulator-process.ts'), cluster, content]);
  children.push(simulator);
  const hub = startChild('hub', [script('./hub-process.ts'), dir, cluster]);
  children.push(hub);
  const sim = await simulator.next<SimulatorReady>();
  await writeFile(join(dir, `${cluster}.kubeconfig`), sim.kubeconfig);
  const hubReady = await hub.next<HubReady>();
  const agent = startAgent(dir, hubReady.secureUrl);
  children.push(agent);
  await waitConnected(hub, 30_000);
  return {
    simulator,
    hub,
    agent,
    direct: { url: sim.url, token: sim.token, ca: sim.ca },
    viaHub: {
      url: `${hubReady.secureUrl}/k8s/clusters/${cluster}`,
      token: hubReady.adminToken,
      ca: hubCa,
    },
  };
}

/**
 * Starts the layout, its cluster `empty` (3 nodes, quiet, for latency) or running the big list's
 * `pods`, runs `measure` on it, and stops every child whatever happens.
 */
export async function withLayout<T>(
  content: ClusterContent,
  measure: (layout: Layout) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'flotilla-bench-processes-'));
  const children: Child[] = [];
  try {
    return await measure(await startAll(dir, children, content));
  } finally {
    // The agent first, so the hub does not tell a departing agent to go away and wait for it.
    for (const child of children.reverse()) await stopChild(child);
    await rm(dir, { recursive: true, force: true });
  }
}
