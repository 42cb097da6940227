// The demo: a hub, a simulated fleet and one real agent per cluster, all in this process.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Logger } from 'pino';
import { hubSettings, startHub, type RunningHub } from '@flotilla/hub';
import { agentSettings, startAgent, type RunningAgent } from '@flotilla/agent';
import { demoFleet, loadScenario, startSimulator, type Simulator } from '@flotilla/simulator';
import { parseSettings } from '@flotilla/protocol';
import { dashboardDir } from '@flotilla/web';
import type { DemoConfig } from './demo-config.ts';
import { demoPaths, readIfExists, writePrivate } from './demo-state.ts';
import { enrolCluster } from './agent-credentials.ts';
import { hubKubeconfig } from '../kubeconfig.ts';
import { hubRoleBindings } from '../manifests/hub-role-bindings.ts';
import { createObjects } from '../manifests/apply-objects.ts';
import { ensureHubTls, tlsHosts, type HubTlsFiles } from './hub-tls.ts';

/** A running demo. */
export interface RunningDemo {
  readonly hubUrl: string;
  readonly adminToken: string | undefined;
  readonly paths: ReturnType<typeof demoPaths>;
  readonly simulator: Simulator;
  readonly hub: RunningHub;
  close(): Promise<void>;
}

async function startDemoHub(
  config: DemoConfig,
  paths: ReturnType<typeof demoPaths>,
  tls: HubTlsFiles,
  logger: Logger,
) {
  const hubConfig = parseSettings(hubSettings, {
    tlsCertFile: tls.certFile,
    tlsKeyFile: tls.keyFile,
    host: config.host,
    port: String(config.port),
    store: `sqlite:${paths.store}`,
    adminTokenFile: paths.adminToken,
    dashboardDir: dashboardDir(),
    logLevel: config.logLevel,
  });
  return startHub(hubConfig, logger);
}

async function startDemoAgent(
  hub: RunningHub,
  paths: ReturnType<typeof demoPaths>,
  cluster: string,
  logger: Logger,
): Promise<RunningAgent> {
  const config = parseSettings(agentSettings, {
    hubUrl: hub.url,
    cluster,
    credentialFile: paths.agentCredential(cluster),
    kubeconfig: paths.clusterKubeconfig(cluster),
    insecure: 'true',
    health: 'false',
    heartbeatInterval: '5s',
    reconnectMaxDelay: '5s',
  });
  return startAgent(config, logger);
}

async function fleet(config: DemoConfig) {
  return config.scenario === ''
    ? demoFleet()
    : loadScenario(await readFile(config.scenario, 'utf8'));
}

/** Starts simulator, hub and agents; writes the admin token and kubeconfig under the data dir. */
export async function runDemo(config: DemoConfig, logger: Logger): Promise<RunningDemo> {
  const paths = demoPaths(resolve(config.dataDir));
  const specs = await fleet(config);
  const simulator = await startSimulator({ clusters: specs, logger });
  const tls = await ensureHubTls(paths.dataDir, tlsHosts(config.host));
  const hub = await startDemoHub(config, paths, tls, logger).catch(async (error: unknown) => {
    await simulator.close();
    throw error;
  });
  const agents: RunningAgent[] = [];
  for (const spec of specs) {
    const local = simulator.cluster(spec.name).kubeconfig();
    await writePrivate(paths.clusterKubeconfig(spec.name), local);
    // What the agent's install manifests grant the hub's roles in a real cluster.
    await createObjects(local, hubRoleBindings());
    const enrolment = { name: spec.name, environment: spec.environment, labels: spec.labels ?? {} };
    await enrolCluster(hub, { ...enrolment, credentialFile: paths.agentCredential(spec.name) });
    agents.push(await startDemoAgent(hub, paths, spec.name, logger));
  }
  const adminToken = hub.bootstrapAdminToken ?? (await readIfExists(paths.adminToken));
  const names = specs.map((spec) => spec.name);
  const access = { user: 'admin', token: adminToken ?? '', caPem: tls.caPem };
  if (adminToken !== undefined)
    await writePrivate(paths.kubeconfig, hubKubeconfig(hub.secureUrl ?? hub.url, names, access));
  const close = async () => {
    await Promise.all(agents.map((agent) => agent.close()));
    await hub.close();
    await simulator.close();
  };
  return { hubUrl: hub.url, adminToken, paths, simulator, hub, close };
}
