// A hub, simulated clusters and one real agent per cluster, in this test process: the parts a
// kubectl-through-the-hub test needs, started on free loopback ports and disposed together.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { hubSettings, startHub, type RunningHub } from '@flotilla/hub';
import { agentSettings, startAgent, type RunningAgent } from '@flotilla/agent';
import {
  createCertificateAuthority,
  startSimulator,
  type ClusterSpec,
  type Simulator,
} from '@flotilla/simulator';
import { parseSettings } from '@flotilla/protocol';
import { createObjects, hubKubeconfig, hubRoleBindings } from 'flotilla';

export interface TestFleet {
  readonly dir: string;
  /** The hub now running (a new one after `restartHub`). */
  readonly hub: RunningHub;
  readonly simulator: Simulator;
  readonly agents: Map<string, RunningAgent>;
  readonly adminToken: string;
  /** Kubeconfig reaching every cluster through the hub as the admin (HTTPS, CA included). */
  readonly kubeconfig: string;
  /** PEM of the CA that signed the hub's certificate. */
  readonly hubCa: string;
  startAgent(cluster: string, overrides?: Record<string, string>): Promise<RunningAgent>;
  waitConnected(count: number, timeoutMs?: number): Promise<void>;
  /** Stops the hub and starts a new one on the same port and store. */
  restartHub(): Promise<void>;
  close(): Promise<void>;
}

const logger = pino({ level: process.env.FLEET_LOG ?? 'silent' });

/** Polls `condition` every 20 ms until it holds. */
export async function until(
  condition: () => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// kubectl sends bearer tokens only over TLS, so the hub gets a certificate from a test CA.
async function hubCertificate(dir: string): Promise<string> {
  const authority = await createCertificateAuthority('flotilla-test-hub-ca');
  const serving = await authority.issueServing(['127.0.0.1']);
  await writeFile(join(dir, 'hub.crt'), serving.cert);
  await writeFile(join(dir, 'hub.key'), serving.key);
  return authority.cert;
}

function launchHub(dir: string, port: number): Promise<RunningHub> {
  const config = parseSettings(hubSettings, {
    port: String(port),
    store: `sqlite:${join(dir, 'hub.db')}`,
    logLevel: 'silent',
    heartbeatInterval: '500ms',
    tlsCertFile: join(dir, 'hub.crt'),
    tlsKeyFile: join(dir, 'hub.key'),
  });
  return startHub(config, logger, { quiet: true });
}

/**
 * Starts the fleet; every cluster gets a registered record, a credential file and an agent,
 * except those named in `unregistered` (simulated only, for tests that enrol them).
 */
export async function startFleet(
  specs: readonly ClusterSpec[],
  options: { unregistered?: readonly string[] } = {},
): Promise<TestFleet> {
  const dir = await mkdtemp(join(tmpdir(), 'flotilla-fleet-'));
  const simulator = await startSimulator({ clusters: specs, logger });
  const hubCa = await hubCertificate(dir);
  let hub = await launchHub(dir, 0);
  const port = Number(new URL(hub.url).port);
  const adminToken = hub.bootstrapAdminToken ?? '';
  const agents = new Map<string, RunningAgent>();
  const startOne = async (cluster: string, overrides: Record<string, string> = {}) => {
    const agentConfig = parseSettings(agentSettings, {
      hubUrl: hub.url,
      cluster,
      credentialFile: join(dir, `${cluster}.token`),
      kubeconfig: join(dir, `${cluster}.local`),
      insecure: 'true',
      health: 'false',
      heartbeatInterval: '500ms',
      reconnectMaxDelay: '1s',
      ...overrides,
    });
    const agent = await startAgent(agentConfig, logger);
    agents.set(cluster, agent);
    return agent;
  };
  for (const spec of specs) {
    const local = simulator.cluster(spec.name).kubeconfig();
    await writeFile(join(dir, `${spec.name}.local`), local);
    await createObjects(local, hubRoleBindings());
  }
  const enrolled = specs.filter((spec) => !(options.unregistered ?? []).includes(spec.name));
  for (const spec of enrolled) {
    const labels = spec.labels ?? {};
    await writeFile(
      join(dir, `${spec.name}.token`),
      await hub.registerCluster({ name: spec.name, environment: spec.environment, labels }, 'test'),
    );
    await startOne(spec.name);
  }
  const kubeconfig = join(dir, 'kubeconfig');
  const names = enrolled.map((s) => s.name);
  await writeFile(
    kubeconfig,
    hubKubeconfig(hub.secureUrl ?? '', names, { user: 'admin', token: adminToken, caPem: hubCa }),
  );
  const fleet: TestFleet = {
    dir,
    get hub() {
      return hub;
    },
    simulator,
    agents,
    adminToken,
    kubeconfig,
    hubCa,
    startAgent: startOne,
    waitConnected: (count, timeoutMs) =>
      until(() => hub.hub.sessions.size === count, `${String(count)} agents`, timeoutMs),
    restartHub: async () => {
      await hub.close();
      hub = await launchHub(dir, port);
    },
    close: async () => {
      await Promise.all([...agents.values()].map((agent) => agent.close()));
      await hub.close();
      await simulator.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  await fleet.waitConnected(enrolled.length);
  return fleet;
}
