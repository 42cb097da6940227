// `flotilla agent`: run the agent inside a child cluster.
import { Command } from '@commander-js/extra-typings';
import { ConfigError } from '@flotilla/protocol';
import { agentSettings, checkAgentConfig, startAgent } from '@flotilla/agent';
import { addSettingOptions, readSettings } from '../settings-options.ts';
import { createLogger } from '../logging.ts';
import { runCommand } from '../run-command.ts';
import { runUntilSignal } from '../run-until-signal.ts';
import { agentManifestsCommand } from './agent-manifests.ts';

function readAgentConfig(flags: Record<string, unknown>) {
  const config = readSettings(agentSettings, flags);
  const problem = checkAgentConfig(config);
  if (problem !== undefined) throw new ConfigError([problem]);
  return config;
}

/** The `agent` subcommand. */
export function agentCommand(): Command {
  const command = new Command('agent').description(
    'Run the agent: keep the tunnel to the hub up and serve its requests',
  );
  addSettingOptions(command, agentSettings);
  // Options after `manifests` are its own, though they share names with the agent's.
  command.enablePositionalOptions().addCommand(agentManifestsCommand());
  return command.action((flags) =>
    runCommand('agent', async () => {
      const config = readAgentConfig(flags);
      const logger = createLogger(config.logLevel);
      const agent = await startAgent(config, logger);
      agent.tunnel.once('give-up', () => {
        logger.error('tunnel down for too long; exiting for the supervisor to restart us');
        void agent.close().finally(() => process.exit(1));
      });
      runUntilSignal(() => agent.close(), logger);
    }),
  );
}
