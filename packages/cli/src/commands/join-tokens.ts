// `flotilla join-tokens`: list, create and revoke the tokens agents present once to join.
import { Command, Option } from '@commander-js/extra-typings';
import {
  addClientOptions,
  clientOptionsOf,
  collect,
  parseLabels,
  resolveClient,
} from '../client/client-command.ts';
import { io, labelText, print, type Column } from '../client/output.ts';
import { runCommand } from '../run-command.ts';
import type { JoinTokenInfo as JoinToken } from '@flotilla/hub';

const columns: Column<JoinToken>[] = [
  { heading: 'id', cell: (t) => t.id },
  { heading: 'environment', cell: (t) => t.environment },
  { heading: 'labels', cell: (t) => labelText(t.labels) },
  { heading: 'uses', cell: (t) => `${t.uses}/${t.maxUses ?? '∞'}` },
  { heading: 'expires', cell: (t) => t.expiresAt },
  { heading: 'revoked', cell: (t) => t.revokedAt },
  { heading: 'description', cell: (t) => t.description },
];

function listCommand() {
  const command = new Command('list').description('List join tokens');
  addClientOptions(command);
  return command.action((_flags, cmd) =>
    runCommand('join-tokens list', async () => {
      const options = clientOptionsOf(cmd);
      const list = await (
        await resolveClient(options)
      ).request<{ items: JoinToken[] }>('GET', '/join-tokens');
      print(options.output, list, list.items, columns);
    }),
  );
}

function createCommand() {
  const command = new Command('create')
    .description('Create a join token; it is shown once')
    .requiredOption(
      '--environment <env>',
      'environment of the clusters that join with it (dev, qa, uat, prod)',
    )
    .addOption(
      new Option('--label <key=value>', 'label for those clusters (repeatable)')
        .argParser(collect)
        .default([] as string[]),
    )
    .option('--max-uses <n>', 'how many clusters may join with it (default 1)')
    .option('--unlimited', 'any number of clusters until it expires')
    .option('--expires-at <time>', 'ISO-8601 expiry (default: 24 hours)')
    .option('--description <text>', 'what the token is for');
  addClientOptions(command);
  return command.action((flags, cmd) =>
    runCommand('join-tokens create', async () => {
      const options = clientOptionsOf(cmd);
      const body = {
        environment: flags.environment,
        labels: parseLabels(flags.label, false),
        maxUses: flags.unlimited === true ? null : Number(flags.maxUses ?? '1'),
        expiresAt: flags.expiresAt,
        description: flags.description,
      };
      const created = await (
        await resolveClient(options)
      ).request<{ token: string; joinToken: JoinToken }>('POST', '/join-tokens', body);
      if (options.output === 'json') io.write(`${JSON.stringify(created, null, 2)}\n`);
      else
        io.write(
          `join token (shown once): ${created.token}\nid: ${created.joinToken.id}\nexpires: ${created.joinToken.expiresAt}\n`,
        );
    }),
  );
}

function revokeCommand() {
  const command = new Command('revoke').description('Revoke a join token').argument('<id>');
  addClientOptions(command);
  return command.action((id, _flags, cmd) =>
    runCommand('join-tokens revoke', async () => {
      const options = clientOptionsOf(cmd);
      const token = await (
        await resolveClient(options)
      ).request<JoinToken>('DELETE', `/join-tokens/${encodeURIComponent(id)}`);
      print(options.output, token, [token], columns);
    }),
  );
}

/** The `join-tokens` command. */
export function joinTokensCommand(): Command {
  return new Command('join-tokens')
    .description('Manage the tokens agents use to join the fleet')
    .addCommand(listCommand())
    .addCommand(createCommand())
    .addCommand(revokeCommand());
}
