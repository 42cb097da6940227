// `flotilla hub`: run the hub.
import { Command } from '@commander-js/extra-typings';
import { hubSettings, startHub, type HubConfig } from '@flotilla/hub';
import { dashboardDir } from '@flotilla/web';
import { addSettingOptions, readSettings } from '../settings-options.ts';
import { createLogger } from '../logging.ts';
import { runCommand } from '../run-command.ts';
import { runUntilSignal } from '../run-until-signal.ts';

/** An empty dashboard directory means the dashboard that ships with this package. */
function withBundledDashboard(config: HubConfig): HubConfig {
  return config.dashboardDir === ''
    ? Object.freeze({ ...config, dashboardDir: dashboardDir() })
    : config;
}

/** The `hub` subcommand. */
export function hubCommand(): Command {
  const command = new Command('hub').description(
    'Run the hub: REST API, tunnel endpoint, Kubernetes proxy and dashboard',
  );
  addSettingOptions(command, hubSettings);
  return command.action((flags) =>
    runCommand('hub', async () => {
      const config = withBundledDashboard(readSettings(hubSettings, flags));
      const logger = createLogger(config.logLevel);
      const hub = await startHub(config, logger);
      logger.info({ url: hub.url }, 'hub listening');
      runUntilSignal(() => hub.close(), logger);
    }),
  );
}
