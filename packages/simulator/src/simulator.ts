// startSimulator: many simulated clusters in one process, each on its own port, disposable as a whole.
import { pino } from 'pino';
import type { Logger } from 'pino';
import { startCluster } from './cluster.ts';
import type { RunningCluster } from './cluster.ts';
import { clusterSpecSchema } from './cluster-spec.ts';
import type { ClusterSpec } from './cluster-spec.ts';
import type { AdmissionRecord } from './admission/admission.ts';
import type { ServiceAddress, ServicePort } from './admission/service-routes.ts';
import type { UserSpec } from './auth/identities.ts';
import { systemClock } from './clock.ts';
import { scaledClock } from './runtime/clocks.ts';
import type { Clock } from './clock.ts';
import { createCertificateAuthority } from './server/tls.ts';

/** A cluster a test or demo can reach. */
export interface SimulatedCluster {
  readonly name: string;
  /** `https://127.0.0.1:<port>` (or `http://` when started with `tls: false`). */
  readonly url: string;
  /** Bearer token of the cluster's admin. */
  readonly token: string;
  /** PEM of the CA that signed the endpoint's certificate; undefined for plain HTTP. */
  readonly caCertificate: string | undefined;
  /** YAML with one context, named after the cluster. */
  kubeconfig(): string;
  /**
   * Adds a user the cluster authenticates by bearer token and returns the token (random unless
   * given). Names like `system:serviceaccount:<ns>:<name>` get the service-account groups.
   * What the user may do is up to RBAC objects in the cluster.
   */
  addUser(spec: UserSpec): string;
  /**
   * Routes a Service port of this cluster to a local address. Simulated pods run nothing, so a
   * webhook registered by `clientConfig.service` is reached only through such a route; the
   * serving certificate must still name `<service>.<namespace>.svc`. Returns the undo.
   */
  routeService(service: ServicePort, address: ServiceAddress): () => void;
  /** The audit annotations admission recorded (webhooks' and the API server's), oldest first. */
  admissionRecords(): readonly AdmissionRecord[];
}

/** A running fleet; dispose it (or `close()`) to stop every cluster. */
export interface Simulator extends AsyncDisposable {
  readonly clusters: readonly SimulatedCluster[];
  /** The cluster called `name`; throws when there is none. */
  cluster(name: string): SimulatedCluster;
  close(): Promise<void>;
}

/** Options of `startSimulator`. */
export interface SimulatorOptions {
  readonly clusters: readonly ClusterSpec[];
  /** Interface to bind (default 127.0.0.1). */
  readonly host?: string;
  readonly logger?: Logger;
  /** Seed of every pseudo-random choice (uids, name suffixes), so runs are repeatable. */
  readonly seed?: number;
  readonly clock?: Clock;
  /** Without a `clock`: run simulated time this many times faster than real time (usage, logs, OOM). */
  readonly timeScale?: number;
  /** Changes remembered per cluster for watch resumption (default 10,000). */
  readonly watchHistory?: number;
  /** Interval between watch bookmarks (default 60 s, as kube-apiserver). */
  readonly bookmarkIntervalMs?: number;
  /**
   * Serve HTTPS with a CA generated at start (default true). kubectl only sends bearer tokens
   * over TLS, so plain HTTP suits only clients that send them anyway.
   */
  readonly tls?: boolean;
}

function checkSpecs(specs: readonly ClusterSpec[]): ClusterSpec[] {
  const parsed = specs.map((spec) => clusterSpecSchema.parse(spec));
  const names = new Set<string>();
  for (const { name } of parsed) {
    if (names.has(name)) throw new Error(`duplicate cluster name "${name}"`);
    names.add(name);
  }
  return parsed;
}

/** Starts every cluster of `options.clusters`, seeded and ready, each listening on a free port. */
export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const specs = checkSpecs(options.clusters);
  const shared = {
    host: options.host ?? '127.0.0.1',
    logger: options.logger ?? pino({ level: 'silent' }),
    clock: options.clock ?? (options.timeScale ? scaledClock(options.timeScale) : systemClock),
    seed: options.seed ?? 1,
    watchHistory: options.watchHistory ?? 10_000,
    bookmarkIntervalMs: options.bookmarkIntervalMs ?? 60_000,
    authority:
      options.tls === false ? undefined : await createCertificateAuthority('flotilla-simulator-ca'),
  };
  const started = await Promise.allSettled(specs.map((spec) => startCluster(spec, shared)));
  const clusters = started.flatMap((result) =>
    result.status === 'fulfilled' ? [result.value] : [],
  );
  const failure = started.find((result) => result.status === 'rejected');
  if (failure) {
    await Promise.all(clusters.map((cluster) => cluster.close()));
    throw failure.reason;
  }
  return fleetHandle(clusters);
}

function fleetHandle(clusters: RunningCluster[]): Simulator {
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= Promise.all(clusters.map((c) => c.close())).then(() => undefined));
  const views: SimulatedCluster[] = clusters.map((cluster) =>
    Object.freeze({
      name: cluster.name,
      url: cluster.url,
      token: cluster.token,
      caCertificate: cluster.caCertificate,
      kubeconfig: () => cluster.kubeconfig(),
      addUser: (spec: UserSpec) => cluster.addUser(spec),
      routeService: (service: ServicePort, address: ServiceAddress) =>
        cluster.admission.services.add(service, address),
      admissionRecords: () => cluster.admission.records(),
    }),
  );
  return {
    clusters: Object.freeze(views),
    cluster(name) {
      const found = views.find((cluster) => cluster.name === name);
      if (!found) throw new Error(`no simulated cluster named "${name}"`);
      return found;
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
