// Where `flotilla login` keeps the hub URL and token for the client commands: a file only its
// owner can read (default ~/.config/flotilla/client.json).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** What the client commands need to reach the hub. */
export interface ClientConfig {
  readonly hub: string;
  readonly token: string;
}

/** The default config file. */
export function defaultConfigFile(): string {
  return join(homedir(), '.config', 'flotilla', 'client.json');
}

/** Reads the saved config, or undefined when there is none. */
export async function readClientConfig(file: string): Promise<ClientConfig | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<ClientConfig>;
    if (typeof parsed.hub !== 'string' || typeof parsed.token !== 'string') return undefined;
    return { hub: parsed.hub, token: parsed.token };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Saves the config, readable only by its owner (it holds a token). */
export async function writeClientConfig(file: string, config: ClientConfig): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
}
