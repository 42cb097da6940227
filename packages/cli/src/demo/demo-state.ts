// Files the demo keeps under its data directory, so a second start reuses the same state.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Paths of everything the demo writes. */
export function demoPaths(dataDir: string) {
  return {
    dataDir,
    store: join(dataDir, 'hub.db'),
    adminToken: join(dataDir, 'admin-token'),
    kubeconfig: join(dataDir, 'kubeconfig'),
    log: join(dataDir, 'demo.log'),
    agentCredential: (cluster: string) => join(dataDir, 'agents', `${cluster}.token`),
    clusterKubeconfig: (cluster: string) => join(dataDir, 'agents', `${cluster}.kubeconfig`),
  } as const;
}

/** Reads a file, or undefined when it does not exist. */
export async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Writes a secret or config file readable only by its owner. */
export async function writePrivate(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text.endsWith('\n') ? text : `${text}\n`, { mode: 0o600 });
}
