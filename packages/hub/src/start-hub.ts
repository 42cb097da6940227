// Starts a hub process: opens and migrates the store, bootstraps the first admin, listens.
import { writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import type { HubConfig } from './config.ts';
import { buildHub, type Hub } from './build-hub.ts';
import { migrate, openDatabase } from './store/store.ts';
import { bootstrapAdmin } from './access/bootstrap.ts';
import { registerCluster, type NewCluster } from './clusters/registry.ts';
import { rotateAgentCredential } from './clusters/cluster-changes.ts';
import { listenOrExplain } from './listen.ts';
import { loadTls } from './http/tls-files.ts';

/** A hub that is listening. */
export interface RunningHub {
  readonly hub: Hub;
  /** Base URL the hub answers on, e.g. http://127.0.0.1:8080. */
  readonly url: string;
  /** The same port over HTTPS (what kubeconfigs use), when a TLS certificate is configured. */
  readonly secureUrl: string | undefined;
  /** The bootstrap admin token, present only on the start that created it. */
  readonly bootstrapAdminToken: string | undefined;
  /** Registers a cluster (audited as `actor`) and returns its agent credential. */
  registerCluster(cluster: NewCluster, actor: string): Promise<string>;
  /** Revokes a cluster's agent credentials and returns a fresh one. */
  rotateAgentCredential(cluster: string, actor: string): Promise<string>;
  close(): Promise<void>;
}

async function saveToken(file: string, token: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${token}\n`, { mode: 0o600 });
}

/** Writes the bootstrap token to its file, or shows it once on stdout (never in the log). */
async function deliverBootstrapToken(token: string, file: string, isQuiet: boolean): Promise<void> {
  if (file !== '') await saveToken(file, token);
  else if (!isQuiet) process.stdout.write(`bootstrap admin token (shown once): ${token}\n`);
}

/** Opens the store, builds the hub and listens; `quiet` keeps the bootstrap token off stdout. */
export async function startHub(
  config: HubConfig,
  logger: Logger,
  options: { quiet?: boolean } = {},
): Promise<RunningHub> {
  const db = openDatabase(config.store);
  await migrate(db, logger.child({ component: 'hub', subsystem: 'store' }));
  const token = await bootstrapAdmin(db, new Date());
  if (token !== undefined)
    await deliverBootstrapToken(token, config.adminTokenFile, options.quiet === true);
  const tls = await loadTls(config);
  const hub = await buildHub(config, { db, logger, tls });
  const address = await listenOrExplain(hub, config).catch(async (error: unknown) => {
    await hub.close();
    throw error;
  });
  return {
    hub,
    url: config.publicUrl === '' ? address : config.publicUrl,
    secureUrl: tls === undefined ? undefined : address.replace(/^http:/, 'https:'),
    bootstrapAdminToken: token,
    registerCluster: (cluster, actor) => registerCluster(db, cluster, { name: actor }, new Date()),
    rotateAgentCredential: (cluster, actor) =>
      rotateAgentCredential(db, cluster, { name: actor }, new Date()),
    close: () => hub.close(),
  };
}
