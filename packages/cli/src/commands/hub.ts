// `flotilla hub`: run the hub.
import { Command } from '@commander-js/extra-typings';
import { hubSettings, startHub } from '@flotilla/hub';
import { addSettingOptions, readSettings } from '../settings-options.ts';
import { createLogger } from '../logging.ts';
import { runCommand } from '../run-command.ts';
import { runUntilSignal } from '../run-until-signal.ts';

/** The `hub` subcommand. */
export function hubCommand(): Command {
  const command = new Command('hub').description(
    'Run the hub: REST API, tunnel endpoint, Kubernetes proxy and dashboard',
  );
  addSettingOptions(command, hubSettings);
  return command.action((flags) =>
    runCommand('hub', async () => {
      const config = readSettings(hubSettings, flags);
      const logger = createLogger(config.logLevel);
      const hub = await startHub(config, logger);
      logger.info({ url: hub.url }, 'hub listening');
      runUntilSignal(() => hub.close(), logger);
    }),
  );
}
