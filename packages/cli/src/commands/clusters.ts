// `flotilla clusters`: list, show, label and decommission the hub's clusters.
import { Command } from '@commander-js/extra-typings';
import {
  addClientOptions,
  clientOptionsOf,
  parseLabels,
  resolveClient,
} from '../client/client-command.ts';
import { io, labelText, print, printObject, type Column } from '../client/output.ts';
import { runCommand } from '../run-command.ts';
import type { ClusterSummary as Cluster } from '@flotilla/protocol';

const columns: Column<Cluster>[] = [
  { heading: 'name', cell: (c) => c.name },
  { heading: 'environment', cell: (c) => c.environment },
  { heading: 'connected', cell: (c) => (c.isConnected ? 'yes' : 'no') },
  { heading: 'kubernetes', cell: (c) => c.kubernetesVersion },
  { heading: 'nodes', cell: (c) => c.nodeCount },
  { heading: 'labels', cell: (c) => labelText(c.labels) },
];

function listCommand() {
  const command = new Command('list')
    .description('List the clusters you may read')
    .option('--include-decommissioned', 'also list decommissioned clusters (tombstones)');
  addClientOptions(command);
  return command.action((flags, cmd) =>
    runCommand('clusters list', async () => {
      const options = clientOptionsOf(cmd);
      const query = flags.includeDecommissioned === true ? '?decommissioned=include' : '';
      const list = await (
        await resolveClient(options)
      ).request<{ items: Cluster[] }>('GET', `/clusters${query}`);
      print(options.output, list, list.items, columns);
    }),
  );
}

function showCommand() {
  const command = new Command('show').description('Show one cluster').argument('<name>');
  addClientOptions(command);
  return command.action((name, _flags, cmd) =>
    runCommand('clusters show', async () => {
      const options = clientOptionsOf(cmd);
      const cluster = await (
        await resolveClient(options)
      ).request<Record<string, unknown>>('GET', `/clusters/${encodeURIComponent(name)}`);
      printObject(options.output, cluster);
    }),
  );
}

function labelCommand() {
  const command = new Command('label')
    .description('Relabel a cluster: key=value sets a label, key- removes it')
    .argument('<name>')
    .argument('<labels...>');
  addClientOptions(command);
  return command.action((name, pairs, _flags, cmd) =>
    runCommand('clusters label', async () => {
      const options = clientOptionsOf(cmd);
      const body = { labels: parseLabels(pairs, true) };
      const cluster = await (
        await resolveClient(options)
      ).request<Cluster>('PATCH', `/clusters/${encodeURIComponent(name)}`, body);
      print(options.output, cluster, [cluster], columns);
    }),
  );
}

function decommissionCommand() {
  const command = new Command('decommission')
    .description(
      'Decommission a cluster: its agent is refused and Flux cleans it up; history stays',
    )
    .argument('<name>')
    .requiredOption('--yes', 'confirm: this cannot be undone');
  addClientOptions(command);
  return command.action((name, _flags, cmd) =>
    runCommand('clusters decommission', async () => {
      const options = clientOptionsOf(cmd);
      const cluster = await (
        await resolveClient(options)
      ).request<Record<string, unknown>>(
        'POST',
        `/clusters/${encodeURIComponent(name)}/decommission`,
      );
      if (options.output === 'json') printObject('json', cluster);
      else io.write(`cluster ${name} decommissioned\n`);
    }),
  );
}

/** The `clusters` command. */
export function clustersCommand(): Command {
  return new Command('clusters')
    .description("Work with the hub's clusters")
    .addCommand(listCommand())
    .addCommand(showCommand())
    .addCommand(labelCommand())
    .addCommand(decommissionCommand());
}
