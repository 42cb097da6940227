// One simulated cluster: its store, API semantics, controllers, seed data and HTTP endpoint.
import type { Logger } from 'pino';
import type { Admission } from './admission/admission.ts';
import { Registry } from './api/registry.ts';
import { Identities } from './auth/identities.ts';
import type { UserSpec } from './auth/identities.ts';
import type { ClusterSpec } from './cluster-spec.ts';
import { seededRandom } from './clock.ts';
import type { Clock } from './clock.ts';
import { startControllers } from './controllers/controller-manager.ts';
import { kubeconfigYaml } from './kubeconfig.ts';
import { createClusterRuntime } from './runtime/cluster-runtime.ts';
import { seedCluster } from './seed/seed-cluster.ts';
import { listen } from './server/cluster-server.ts';
import type { CertificateAuthority } from './server/tls.ts';
import { ObjectStore } from './store/object-store.ts';

/** Tuning shared by every cluster of a simulator. */
export interface ClusterOptions {
  readonly host: string;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly seed: number;
  /** How many changes a cluster remembers for watch resumption before answering 410 Expired. */
  readonly watchHistory: number;
  readonly bookmarkIntervalMs: number;
  /** Signs each endpoint's serving certificate; without it endpoints speak plain HTTP. */
  readonly authority?: CertificateAuthority;
}

/** A running cluster, as the simulator hands it out. */
export interface RunningCluster {
  readonly name: string;
  readonly url: string;
  readonly token: string;
  readonly caCertificate?: string;
  kubeconfig(): string;
  /** Adds a user or service account the cluster authenticates by bearer token; returns the token. */
  addUser(spec: UserSpec): string;
  /** The cluster's admission webhooks: service routes and recorded annotations. */
  readonly admission: Admission;
  close(): Promise<void>;
}

function nameHash(name: string): number {
  let hash = 0x811c9dc5;
  for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash;
}

/** Builds, seeds and starts serving one cluster. */
export async function startCluster(
  spec: ClusterSpec,
  options: ClusterOptions,
): Promise<RunningCluster> {
  const logger = options.logger.child({ component: 'simulator', cluster: spec.name });
  const store = new ObjectStore(options.watchHistory);
  const random = seededRandom(options.seed ^ nameHash(spec.name));
  const registry = new Registry({ store, clock: options.clock, random, logger });
  const controllers = startControllers({ registry, clock: options.clock, random, logger });
  seedCluster(registry, spec, options.clock);
  await controllers.idle();
  const identities = new Identities();
  const token = identities.adminToken;
  const kubernetesVersion = spec.kubernetesVersion ?? '1.32.0';
  const runtime = createClusterRuntime({
    registry,
    clock: options.clock,
    seed: options.seed,
    logger,
  });
  const endpointDeps = {
    registry,
    runtime,
    clock: options.clock,
    bookmarkIntervalMs: options.bookmarkIntervalMs,
  };
  const tls = await options.authority?.issueServing([
    options.host,
    'localhost',
    `${spec.name}.flotilla.local`,
  ]);
  const endpoint = await listen(
    { ...endpointDeps, name: spec.name, identities, kubernetesVersion, logger },
    options.host,
    tls,
  );
  const target = {
    name: spec.name,
    url: endpoint.url,
    token,
    caCertificate: options.authority?.cert,
  };
  return {
    ...target,
    kubeconfig: () => kubeconfigYaml(target),
    addUser: (user) => identities.add(user),
    admission: registry.admission,
    close: async () => {
      controllers.stop();
      runtime.close();
      registry.admission.close();
      await endpoint.close();
    },
  };
}
