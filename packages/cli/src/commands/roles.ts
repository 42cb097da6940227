// `flotilla roles`: list, grant and revoke role bindings (admin, operator, viewer over a scope).
import { Command, Option } from '@commander-js/extra-typings';
import { FlotillaError } from '@flotilla/protocol';
import {
  addClientOptions,
  clientOptionsOf,
  collect,
  resolveClient,
} from '../client/client-command.ts';
import { io, print, type Column } from '../client/output.ts';
import { runCommand } from '../run-command.ts';
import type { RoleBindingInfo as Binding } from '@flotilla/hub';

function scopeText(s: Binding['scope']): string {
  if (s.kind === 'fleet') return 'fleet';
  return `${s.kind}: ${(s.kind === 'environments' ? s.environments : s.clusters).join(',')}`;
}
const columns: Column<Binding>[] = [
  { heading: 'id', cell: (b) => b.id },
  { heading: 'role', cell: (b) => b.role },
  { heading: 'subject', cell: (b) => `${b.subject.kind}:${b.subject.name}` },
  { heading: 'scope', cell: (b) => scopeText(b.scope) },
];

function listCommand() {
  const command = new Command('list').description('List role bindings');
  addClientOptions(command);
  return command.action((_flags, cmd) =>
    runCommand('roles list', async () => {
      const options = clientOptionsOf(cmd);
      const list = await (
        await resolveClient(options)
      ).request<{ items: Binding[] }>('GET', '/role-bindings');
      print(options.output, list, list.items, columns);
    }),
  );
}

interface GrantFlags {
  user?: string;
  group?: string;
  environment: string[];
  cluster: string[];
}

function bindingBody(role: string, flags: GrantFlags) {
  if ((flags.user === undefined) === (flags.group === undefined))
    throw new FlotillaError('invalid_request', 'name exactly one of --user or --group');
  const subject =
    flags.user === undefined
      ? { kind: 'group', name: flags.group }
      : { kind: 'user', name: flags.user };
  if (flags.environment.length > 0 && flags.cluster.length > 0)
    throw new FlotillaError(
      'invalid_request',
      'a binding is scoped to environments or to clusters, not both',
    );
  const scope =
    flags.environment.length > 0
      ? { kind: 'environments', environments: flags.environment }
      : flags.cluster.length > 0
        ? { kind: 'clusters', clusters: flags.cluster }
        : { kind: 'fleet' };
  return { role, subject, scope };
}

function grantCommand() {
  const command = new Command('grant')
    .description(
      'Grant a role to a user or group; scope: the fleet (default), --environment or --cluster',
    )
    .addArgument(
      new Command()
        .createArgument('<role>', 'admin, operator or viewer')
        .choices(['admin', 'operator', 'viewer']),
    )
    .option('--user <name>', 'a user or service account')
    .option('--group <name>', 'an OIDC group (with its prefix, e.g. oidc:ops)')
    .addOption(
      new Option('--environment <env>', 'limit to an environment (repeatable)')
        .argParser(collect)
        .default([] as string[]),
    )
    .addOption(
      new Option('--cluster <name>', 'limit to a cluster (repeatable)')
        .argParser(collect)
        .default([] as string[]),
    );
  addClientOptions(command);
  return command.action((role, flags, cmd) =>
    runCommand('roles grant', async () => {
      const options = clientOptionsOf(cmd);
      const binding = await (
        await resolveClient(options)
      ).request<Binding>('POST', '/role-bindings', bindingBody(role, flags));
      print(options.output, binding, [binding], columns);
    }),
  );
}

function revokeCommand() {
  const command = new Command('revoke').description('Delete a role binding').argument('<id>');
  addClientOptions(command);
  return command.action((id, _flags, cmd) =>
    runCommand('roles revoke', async () => {
      const options = clientOptionsOf(cmd);
      await (
        await resolveClient(options)
      ).request('DELETE', `/role-bindings/${encodeURIComponent(id)}`);
      io.write(
        options.output === 'json'
          ? `${JSON.stringify({ deleted: id })}\n`
          : `role binding ${id} deleted\n`,
      );
    }),
  );
}

/** The `roles` command. */
export function rolesCommand(): Command {
  return new Command('roles')
    .description('Manage who holds which role over which scope')
    .addCommand(listCommand())
    .addCommand(grantCommand())
    .addCommand(revokeCommand());
}
