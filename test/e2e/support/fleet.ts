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
  readonly hub: RunningHub;
  readonly simulator: Simulator;
  readonly agents: Map<string, RunningAgent>;
  readonly adminToken: string;
  /** Kubeconfig reaching every cluster through the hub as the admin. */
  readonly kubeconfig: string;
  startAgent(cluster: string): Promise<RunningAgent>;
  waitConnected(count: number): Promise<void>;
  close(): Promise<void>;
}

const silent = pino({ level: process.env.FLEET_LOG ?? 'silent' });

async function until(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Starts the fleet; every cluster gets a registered record, a credential file and an agent. */
export async function startFleet(specs: readonly ClusterSpec[]): Promise<TestFleet> {
  const dir = await mkdtemp(join(tmpdir(), 'flotilla-fleet-'));
  const simulator = await startSimulator({ clusters: specs, logger: silent });
  // kubectl sends bearer tokens only over TLS, so the hub gets a certificate from a test CA.
  const authority = await createCertificateAuthority('flotilla-test-hub-ca');
  const serving = await authority.issueServing(['127.0.0.1']);
  await writeFile(join(dir, 'hub.crt'), serving.cert);
  await writeFile(join(dir, 'hub.key'), serving.key);
  const config = parseSettings(hubSettings, {
    port: '0',
    store: 'sqlite::memory:',
    logLevel: 'silent',
    heartbeatInterval: '500ms',
    tlsCertFile: join(dir, 'hub.crt'),
    tlsKeyFile: join(dir, 'hub.key'),
  });
  const hub = await startHub(config, silent, { quiet: true });
  const adminToken = hub.bootstrapAdminToken ?? '';
  const agents = new Map<string, RunningAgent>();
  const startOne = async (cluster: string) => {
    const agentConfig = parseSettings(agentSettings, {
      hubUrl: hub.url,
      cluster,
      credentialFile: join(dir, `${cluster}.token`),
      kubeconfig: join(dir, `${cluster}.local`),
      insecure: 'true',
      health: 'false',
      heartbeatInterval: '500ms',
      reconnectMaxDelay: '1s',
    });
    const agent = await startAgent(agentConfig, silent);
    agents.set(cluster, agent);
    return agent;
  };
  for (const spec of specs) {
    await writeFile(
      join(dir, `${spec.name}.token`),
      await hub.registerCluster(
        { name: spec.name, environment: spec.environment, labels: spec.labels ?? {} },
        'test',
      ),
    );
    await writeFile(join(dir, `${spec.name}.local`), simulator.cluster(spec.name).kubeconfig());
    await createObjects(simulator.cluster(spec.name).kubeconfig(), hubRoleBindings());
    await startOne(spec.name);
  }
  const kubeconfig = join(dir, 'kubeconfig');
  await writeFile(
    kubeconfig,
    hubKubeconfig(
      hub.secureUrl ?? '',
      specs.map((s) => s.name),
      { user: 'admin', token: adminToken, caPem: authority.cert },
    ),
  );
  const fleet: TestFleet = {
    dir,
    hub,
    simulator,
    agents,
    adminToken,
    kubeconfig,
    startAgent: startOne,
    waitConnected: (count) =>
      until(() => hub.hub.sessions.size === count, `${String(count)} agents`),
    close: async () => {
      await Promise.all([...agents.values()].map((agent) => agent.close()));
      await hub.close();
      await simulator.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  await fleet.waitConnected(specs.length);
  return fleet;
}
