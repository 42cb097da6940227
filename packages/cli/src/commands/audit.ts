// `flotilla audit`: read the audit trail page by page, or export it as JSON lines.
import { Command } from '@commander-js/extra-typings';
import { addClientOptions, clientOptionsOf, resolveClient } from '../client/client-command.ts';
import { io, print, type Column } from '../client/output.ts';
import { runCommand } from '../run-command.ts';
import type { AuditEventInfo as AuditEvent } from '@flotilla/hub';

const columns: Column<AuditEvent>[] = [
  { heading: 'id', cell: (e) => e.id },
  { heading: 'at', cell: (e) => e.at },
  { heading: 'actor', cell: (e) => e.actor },
  { heading: 'action', cell: (e) => e.action },
  { heading: 'kind', cell: (e) => e.kind },
  { heading: 'target', cell: (e) => e.target },
  { heading: 'cluster', cell: (e) => e.cluster },
  { heading: 'source', cell: (e) => e.source },
];

const filterNames = ['actor', 'cluster', 'kind', 'since', 'until', 'limit', 'cursor'] as const;

function queryString(
  flags: Partial<Record<(typeof filterNames)[number], string>>,
  names: readonly string[],
): string {
  const params = new URLSearchParams();
  for (const name of names) {
    const value = flags[name as (typeof filterNames)[number]];
    if (value !== undefined) params.set(name, value);
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The `audit` command. */
export function auditCommand(): Command {
  const command = new Command('audit')
    .description('Read the audit trail (newest first), or --export it as JSON lines')
    .option('--actor <name>', 'only changes by this user')
    .option('--cluster <name>', 'only changes to this cluster')
    .option('--kind <kind>', 'only this kind (cluster, user, token, role-binding, join-token, …)')
    .option('--since <time>', 'from this ISO-8601 time')
    .option('--until <time>', 'before this ISO-8601 time')
    .option('--limit <n>', 'events per page (default 100)')
    .option('--cursor <cursor>', 'continue after a previous page (its nextCursor)')
    .option('--export', 'every matching event, oldest first, as JSON lines');
  addClientOptions(command);
  return command.action((flags, cmd) =>
    runCommand('audit', async () => {
      const options = clientOptionsOf(cmd);
      const client = await resolveClient(options);
      if (flags.export === true)
        return io.write(
          await client.text(`/audit/export${queryString(flags, filterNames.slice(0, 5))}`),
        );
      const page = await client.request<{ items: AuditEvent[]; nextCursor: string | null }>(
        'GET',
        `/audit${queryString(flags, filterNames)}`,
      );
      print(options.output, page, page.items, columns);
      if (options.output === 'table' && page.nextCursor !== null)
        io.write(`more: --cursor ${page.nextCursor}\n`);
    }),
  );
}
