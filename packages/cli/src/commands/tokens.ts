// `flotilla tokens`: list, create and revoke API tokens (yours, or another user's as an admin).
import { Command } from '@commander-js/extra-typings';
import { addClientOptions, clientOptionsOf, resolveClient } from '../client/client-command.ts';
import type { HubClient } from '../client/hub-client.ts';
import { io, print, type Column } from '../client/output.ts';
import { runCommand } from '../run-command.ts';
import type { TokenInfo as Token } from '@flotilla/hub';

const columns: Column<Token>[] = [
  { heading: 'id', cell: (t) => t.id },
  { heading: 'description', cell: (t) => t.description },
  { heading: 'expires', cell: (t) => t.expiresAt },
  { heading: 'last used', cell: (t) => t.lastUsedAt },
  { heading: 'revoked', cell: (t) => t.revokedAt },
];

/** `--user`, or whoever the token belongs to. */
async function userPath(client: HubClient, user: string | undefined): Promise<string> {
  const name = user ?? (await client.request<{ name: string }>('GET', '/whoami')).name;
  return `/users/${encodeURIComponent(name)}/tokens`;
}

function listCommand() {
  const command = new Command('list')
    .description('List API tokens')
    .option('--user <name>', 'whose tokens (default: yours)');
  addClientOptions(command);
  return command.action((flags, cmd) =>
    runCommand('tokens list', async () => {
      const options = clientOptionsOf(cmd);
      const client = await resolveClient(options);
      const list = await client.request<{ items: Token[] }>(
        'GET',
        await userPath(client, flags.user),
      );
      print(options.output, list, list.items, columns);
    }),
  );
}

function createCommand() {
  const command = new Command('create')
    .description('Create an API token; it is shown once')
    .option('--user <name>', 'for whom (default: you)')
    .option('--description <text>', 'what the token is for')
    .option('--expires-at <time>', 'ISO-8601 expiry (default: 90 days; at most a year)');
  addClientOptions(command);
  return command.action((flags, cmd) =>
    runCommand('tokens create', async () => {
      const options = clientOptionsOf(cmd);
      const client = await resolveClient(options);
      const body = { description: flags.description, expiresAt: flags.expiresAt };
      const created = await client.request<{ token: string; info: Token }>(
        'POST',
        await userPath(client, flags.user),
        body,
      );
      if (options.output === 'json') io.write(`${JSON.stringify(created, null, 2)}\n`);
      else
        io.write(
          `token (shown once): ${created.token}\nid: ${created.info.id}\nexpires: ${created.info.expiresAt ?? 'never'}\n`,
        );
    }),
  );
}

function revokeCommand() {
  const command = new Command('revoke')
    .description('Revoke an API token')
    .argument('<id>')
    .option('--user <name>', 'whose token (default: yours)');
  addClientOptions(command);
  return command.action((id, flags, cmd) =>
    runCommand('tokens revoke', async () => {
      const options = clientOptionsOf(cmd);
      const client = await resolveClient(options);
      const token = await client.request<Token>(
        'DELETE',
        `${await userPath(client, flags.user)}/${encodeURIComponent(id)}`,
      );
      print(options.output, token, [token], columns);
    }),
  );
}

/** The `tokens` command. */
export function tokensCommand(): Command {
  return new Command('tokens')
    .description('Manage API tokens')
    .addCommand(listCommand())
    .addCommand(createCommand())
    .addCommand(revokeCommand());
}
