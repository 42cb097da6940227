// The agent's secret for the tunnel: its cluster credential once it has one, else the join
// token it enrols with; the credential the hub hands back after a join is saved for next time.
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { AgentConfig } from './config.ts';

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

/** What to present on the next dial (read each time, so a rotated file is picked up). */
export async function tunnelSecret(config: AgentConfig): Promise<string> {
  const credential = await readOptional(config.credentialFile);
  if (credential !== undefined) return credential;
  const joinToken = await readOptional(config.joinTokenFile);
  if (joinToken !== undefined) return joinToken;
  throw new Error(
    `no credential in ${config.credentialFile} and no join token to enrol with (--join-token-file)`,
  );
}

/** Saves the credential atomically (write then rename), readable only by the agent. */
export async function saveCredential(config: AgentConfig, credential: string): Promise<void> {
  const partial = `${config.credentialFile}.partial`;
  await writeFile(partial, `${credential}\n`, { mode: 0o600 });
  await rename(partial, config.credentialFile);
}
