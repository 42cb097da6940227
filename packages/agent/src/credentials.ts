// The agent's secret for the tunnel: its cluster credential once it has one, else the join
// token it enrols with. The credential the hub hands back after a join goes to a credential
// store — a file, or a Secret in the agent's own cluster so a restarted pod keeps it.
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { KubeConfig } from '@kubernetes/client-node';
import type { AgentConfig } from './config.ts';
import { secretCredentialStore } from './credential-secret.ts';

/** Where the cluster credential lives between runs. */
export interface CredentialStore {
  /** Says where, for logs and errors ("file /x", "secret flotilla-system/y"). */
  readonly where: string;
  /** The stored credential, or undefined while there is none. */
  read(): Promise<string | undefined>;
  save(credential: string): Promise<void>;
}

async function readOptional(file: string): Promise<string | undefined> {
  if (file === '') return undefined;
  try {
    const text = (await readFile(file, 'utf8')).trim();
    return text === '' ? undefined : text;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A credential in a file, saved atomically (write then rename), readable only by the agent. */
export function fileCredentialStore(file: string): CredentialStore {
  return {
    where: `file ${file}`,
    read: () => readOptional(file),
    save: async (credential) => {
      const partial = `${file}.partial`;
      await writeFile(partial, `${credential}\n`, { mode: 0o600 });
      await rename(partial, file);
    },
  };
}

/** The store `config` asks for. */
export function credentialStoreFor(config: AgentConfig, kubeConfig: KubeConfig): CredentialStore {
  if (config.credentialStore === 'file') return fileCredentialStore(config.credentialFile);
  return secretCredentialStore(kubeConfig, config.credentialNamespace, config.credentialSecret);
}

/** What to present on the next dial (read each time, so a rotated credential is picked up). */
export async function tunnelSecret(store: CredentialStore, joinTokenFile: string): Promise<string> {
  const credential = await store.read();
  if (credential !== undefined) return credential;
  const joinToken = await readOptional(joinTokenFile);
  if (joinToken !== undefined) return joinToken;
  throw new Error(
    `no credential in ${store.where} and no join token to enrol with (--join-token-file)`,
  );
}
