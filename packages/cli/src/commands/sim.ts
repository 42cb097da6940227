// `flotilla sim`: run simulated Kubernetes clusters, each on its own port.
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Command } from '@commander-js/extra-typings';
import {
  choiceSetting,
  integerSetting,
  logLevels,
  optionalTextSetting,
  textSetting,
  environments,
} from '@flotilla/protocol';
import { demoFleet, loadScenario, startSimulator, type ClusterSpec } from '@flotilla/simulator';
import { addSettingOptions, readSettings } from '../settings-options.ts';
import { createLogger } from '../logging.ts';
import { runCommand } from '../run-command.ts';
import { runUntilSignal } from '../run-until-signal.ts';

/** Every setting `flotilla sim` takes. */
export const simSettings = {
  host: textSetting({
    description: 'Address the simulated API servers listen on',
    defaultText: '127.0.0.1',
  }),
  clusters: integerSetting({
    description: 'How many clusters to simulate (ignored with --scenario; 0: the demo fleet)',
    min: 0,
    max: 10_000,
    defaultText: '0',
  }),
  scenario: optionalTextSetting({
    description: 'YAML scenario file describing the fleet',
    allowed: 'a file path, or empty',
  }),
  kubeconfigDir: textSetting({
    description: 'Directory to write one kubeconfig per cluster into',
    defaultText: '.flotilla/sim',
  }),
  logLevel: choiceSetting({
    description: 'Least severe log level written',
    choices: logLevels,
    defaultText: 'info',
  }),
} as const;

/** `n` generated clusters spread over the environments in rollout order. */
export function generatedFleet(n: number): ClusterSpec[] {
  return Array.from({ length: n }, (_, i) => {
    const environment = environments[i % environments.length] ?? 'dev';
    return {
      name: `${environment}-${String(Math.floor(i / environments.length) + 1)}`,
      environment,
    };
  });
}

async function fleetFrom(scenario: string, clusters: number): Promise<ClusterSpec[]> {
  if (scenario !== '') return loadScenario(await readFile(scenario, 'utf8'));
  return clusters === 0 ? demoFleet() : generatedFleet(clusters);
}

/** The `sim` subcommand. */
export function simCommand(): Command {
  const command = new Command('sim').description(
    'Run simulated Kubernetes clusters that speak the real API',
  );
  addSettingOptions(command, simSettings);
  return command.action((flags) =>
    runCommand('sim', async () => {
      const config = readSettings(simSettings, flags);
      const logger = createLogger(config.logLevel);
      const simulator = await startSimulator({
        clusters: await fleetFrom(config.scenario, config.clusters),
        host: config.host,
        logger,
      });
      const dir = resolve(config.kubeconfigDir);
      await mkdir(dir, { recursive: true });
      for (const cluster of simulator.clusters) {
        const file = join(dir, `${cluster.name}.kubeconfig`);
        await writeFile(file, cluster.kubeconfig(), { mode: 0o600 });
        process.stdout.write(`${cluster.name}\t${cluster.url}\t${file}\n`);
      }
      runUntilSignal(() => simulator.close(), logger);
    }),
  );
}
