// `flotilla login`: checks a token against a hub and saves both for the other client commands.
import { Command } from '@commander-js/extra-typings';
import { defaultConfigFile, writeClientConfig } from '../client/client-config.ts';
import { hubClient } from '../client/hub-client.ts';
import { io } from '../client/output.ts';
import { runCommand } from '../run-command.ts';

/** The `login` command. */
export function loginCommand(): Command {
  return new Command('login')
    .description('Check a token against the hub and save both for the client commands')
    .requiredOption('--hub <url>', 'hub URL, e.g. http://127.0.0.1:8080')
    .requiredOption('--token <token>', 'API token (flt_u_…) or OIDC ID token')
    .option('--config <file>', 'client config file', defaultConfigFile())
    .action((flags) =>
      runCommand('login', async () => {
        const config = { hub: flags.hub.replace(/\/+$/, ''), token: flags.token };
        const me = await hubClient(config).request<{ name: string }>('GET', '/whoami');
        await writeClientConfig(flags.config, config);
        io.write(`logged in to ${config.hub} as ${me.name}\n`);
      }),
    );
}
