// `flotilla users`: list, create, show and disable users and service accounts.
import { Command } from '@commander-js/extra-typings';
import { addClientOptions, clientOptionsOf, resolveClient } from '../client/client-command.ts';
import { print, printObject, type Column } from '../client/output.ts';
import { runCommand } from '../run-command.ts';
import type { UserInfo as User } from '@flotilla/hub';

const columns: Column<User>[] = [
  { heading: 'name', cell: (u) => u.name },
  { heading: 'kind', cell: (u) => u.kind },
  { heading: 'created', cell: (u) => u.createdAt },
  { heading: 'disabled', cell: (u) => u.disabledAt },
];

function listCommand() {
  const command = new Command('list').description('List users and service accounts');
  addClientOptions(command);
  return command.action((_flags, cmd) =>
    runCommand('users list', async () => {
      const options = clientOptionsOf(cmd);
      const list = await (await resolveClient(options)).request<{ items: User[] }>('GET', '/users');
      print(options.output, list, list.items, columns);
    }),
  );
}

function createCommand() {
  const command = new Command('create')
    .description('Create a user (or, with --service-account, a service account)')
    .argument('<name>')
    .option('--service-account', 'for automation rather than a person');
  addClientOptions(command);
  return command.action((name, flags, cmd) =>
    runCommand('users create', async () => {
      const options = clientOptionsOf(cmd);
      const kind = flags.serviceAccount === true ? 'service-account' : 'user';
      const user = await (
        await resolveClient(options)
      ).request<User>('POST', '/users', { name, kind });
      print(options.output, user, [user], columns);
    }),
  );
}

function oneUserCommand(verb: 'show' | 'disable', description: string) {
  const command = new Command(verb).description(description).argument('<name>');
  addClientOptions(command);
  return command.action((name, _flags, cmd) =>
    runCommand(`users ${verb}`, async () => {
      const options = clientOptionsOf(cmd);
      const path = `/users/${encodeURIComponent(name)}${verb === 'disable' ? '/disable' : ''}`;
      const client = await resolveClient(options);
      const user = await client.request<User>(verb === 'disable' ? 'POST' : 'GET', path);
      printObject(options.output, { ...user });
    }),
  );
}

/** The `users` command. */
export function usersCommand(): Command {
  return new Command('users')
    .description('Manage users and service accounts')
    .addCommand(listCommand())
    .addCommand(createCommand())
    .addCommand(oneUserCommand('show', 'Show one user'))
    .addCommand(oneUserCommand('disable', 'Disable a user and revoke its tokens'));
}
