// Shared options and plumbing of the client commands (`users`, `clusters`, …): which hub, which
// token, which output format.
import { Option, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { z } from 'zod';
import { FlotillaError } from '@flotilla/protocol';
import { defaultConfigFile, readClientConfig, type ClientConfig } from './client-config.ts';
import { hubClient, type HubClient } from './hub-client.ts';

const clientOptionsSchema = z.object({
  hub: z.string().optional(),
  token: z.string().optional(),
  config: z.string(),
  output: z.enum(['table', 'json']),
});

/** Options every client subcommand takes. */
export type ClientOptions = z.infer<typeof clientOptionsSchema>;

/** Adds `--hub`, `--token`, `--config` and `-o` to a subcommand (in place). */
export function addClientOptions(command: CommandUnknownOpts): void {
  command
    .option('--hub <url>', 'hub URL (default: the one saved by `flotilla login`)')
    .option('--token <token>', 'API token or ID token (default: the one saved by `flotilla login`)')
    .option('--config <file>', 'client config file', defaultConfigFile())
    .addOption(
      new Option('-o, --output <format>', 'output format')
        .choices(['table', 'json'])
        .default('table'),
    );
}

/** The client options of a command, parsed (its own options are read separately). */
export function clientOptionsOf(command: CommandUnknownOpts): ClientOptions {
  return clientOptionsSchema.parse(command.opts());
}

/** The hub and token to use: flags first, then the saved login. */
export async function resolveClient(options: ClientOptions): Promise<HubClient> {
  const saved = await readClientConfig(options.config);
  const hub = options.hub ?? saved?.hub;
  const token = options.token ?? saved?.token;
  if (hub === undefined || token === undefined)
    throw new FlotillaError(
      'unauthenticated',
      'not logged in: run `flotilla login --hub <url> --token <token>` or pass --hub and --token',
    );
  const config: ClientConfig = { hub: hub.replace(/\/+$/, ''), token };
  return hubClient(config);
}

/** `key=value` pairs into an object (`key-` removes the label: value null). */
export function parseLabels(
  pairs: readonly string[],
  allowRemoval: boolean,
): Record<string, string | null> {
  const labels: Record<string, string | null> = {};
  for (const pair of pairs) {
    if (allowRemoval && pair.endsWith('-') && !pair.includes('=')) {
      labels[pair.slice(0, -1)] = null;
      continue;
    }
    const at = pair.indexOf('=');
    if (at <= 0)
      throw new FlotillaError(
        'invalid_request',
        `label ${pair} is not key=value${allowRemoval ? ' or key-' : ''}`,
      );
    labels[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return labels;
}

/** Repeatable option collector. */
export const collect = (value: string, previous: string[]): string[] => [...previous, value];
