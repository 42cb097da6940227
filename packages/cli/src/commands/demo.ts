// `flotilla demo` (what `npm start` runs): hub, simulated fleet and agents in one process.
import { Command } from '@commander-js/extra-typings';
import { addSettingOptions, readSettings } from '../settings-options.ts';
import { createLogger } from '../logging.ts';
import { runCommand } from '../run-command.ts';
import { runUntilSignal } from '../run-until-signal.ts';
import { demoSettings } from '../demo/demo-config.ts';
import { demoPaths } from '../demo/demo-state.ts';
import { runDemo } from '../demo/run-demo.ts';
import { banner, waitForAgents } from '../demo/banner.ts';

/** The `demo` subcommand. */
export function demoCommand(): Command {
  const command = new Command('demo').description(
    'Run the demo: a hub, a simulated fleet of clusters and their agents',
  );
  addSettingOptions(command, demoSettings);
  return command.action((flags) =>
    runCommand('demo', async () => {
      const config = readSettings(demoSettings, flags);
      const logger = createLogger(config.logLevel, demoPaths(config.dataDir).log);
      const demo = await runDemo(config, logger);
      process.stdout.write(banner(demo, await waitForAgents(demo, 20_000)));
      runUntilSignal(async () => {
        process.stdout.write('Stopping the demo…\n');
        await demo.close();
      }, logger);
    }),
  );
}
