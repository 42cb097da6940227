// Starts an agent: loads its credential and kubeconfig, dials the hub, serves its probes.
import type { KubeConfig } from '@kubernetes/client-node';
import type { Logger } from 'pino';
import type { AgentHello, HubWelcome } from '@flotilla/protocol';
import type { AgentConfig } from './config.ts';
import { readClusterFacts } from './kube/cluster-facts.ts';
import { TunnelClient } from './tunnel/tunnel-client.ts';
import { fullJitterBackoff } from './tunnel/backoff.ts';
import { buildHealthServer } from './http/health-server.ts';
import { credentialStoreFor, tunnelSecret } from './credentials.ts';
import { keepCredential } from './credential-keeper.ts';
import { agentRoutes, type AgentApi } from './tunnel/agent-routes.ts';
import { kubeTarget } from './kube/kube-target.ts';

/** The agent's version, reported to the hub in its hello. */
export const agentVersion = '0.1.0';

/** A running agent. */
export interface RunningAgent {
  readonly tunnel: TunnelClient;
  close(): Promise<void>;
}

// client-node is loaded on first use: it is the slowest import we have, and every `flotilla`
// invocation (even `--help`) would otherwise pay for it.
async function loadKubeConfig(path: string): Promise<KubeConfig> {
  const { KubeConfig } = await import('@kubernetes/client-node');
  const kubeConfig = new KubeConfig();
  if (path === '') kubeConfig.loadFromCluster();
  else kubeConfig.loadFromFile(path);
  return kubeConfig;
}

/** Builds the hello from the local API server's answers. */
function helloFor(config: AgentConfig, kubeConfig: KubeConfig): () => Promise<AgentHello> {
  return async () => {
    const facts = await readClusterFacts(kubeConfig);
    return { type: 'hello', cluster: config.cluster, agentVersion, ...facts };
  };
}

/** The agent's own endpoints, reached by the hub at `/agent/...` on the tunnel. */
function agentApi(config: AgentConfig, kubeConfig: KubeConfig): AgentApi {
  return async (path) => {
    if (path !== '/v1/info') return undefined;
    const facts = await readClusterFacts(kubeConfig);
    return { cluster: config.cluster, agentVersion, ...facts };
  };
}

/** Starts the tunnel (and the health server when enabled); resolves once both are running. */
export async function startAgent(config: AgentConfig, logger: Logger): Promise<RunningAgent> {
  const log = logger.child({ component: 'agent', cluster: config.cluster });
  const kubeConfig = await loadKubeConfig(config.kubeconfig);
  const store = keepCredential(credentialStoreFor(config, kubeConfig), log);
  const tunnel = new TunnelClient({
    hubUrl: config.hubUrl,
    heartbeatIntervalMs: config.heartbeatInterval,
    giveUpAfterMs: config.giveUpAfter,
    backoff: fullJitterBackoff(250, config.reconnectMaxDelay),
    logger: log.child({ subsystem: 'tunnel' }),
    credential: () => tunnelSecret(store, config.joinTokenFile),
    hello: helloFor(config, kubeConfig),
    handleStream: agentRoutes(kubeTarget(kubeConfig), agentApi(config, kubeConfig), log),
  });
  const health = config.health ? buildHealthServer(tunnel, config.cluster) : undefined;
  await health?.listen({ host: config.healthHost, port: config.healthPort });
  tunnel.on('connected', (welcome: HubWelcome) => {
    if (welcome.credential === undefined) return;
    log.info({ store: store.where }, 'joined: saving the cluster credential');
    void store.save(welcome.credential);
  });
  tunnel.start();
  return {
    tunnel,
    close: async () => {
      store.stop();
      await tunnel.stop();
      await health?.close();
    },
  };
}
