// `flotilla agent manifests`: print what a cluster needs to run the agent, as one YAML stream.
import { Command } from '@commander-js/extra-typings';
import { stringify } from 'yaml';
import { clusterNamePattern, textSetting, urlSetting } from '@flotilla/protocol';
import { addSettingOptions, readSettings } from '../settings-options.ts';
import { runCommand } from '../run-command.ts';
import { agentManifests } from '../manifests/agent-manifests.ts';

/** Settings of `flotilla agent manifests`. */
export const manifestSettings = {
  hubUrl: urlSetting({ description: 'Hub URL the agent dials', schemes: ['https', 'wss'] }),
  cluster: textSetting({
    description: 'Name the cluster joins under',
    allowed: 'a DNS-1123 label',
    pattern: clusterNamePattern,
  }),
  joinToken: textSetting({
    description: 'Join token from `flotilla join-tokens create`',
    allowed: 'a join token (flt_j_…)',
    pattern: /^flt_j_\S+$/,
  }),
  image: textSetting({
    description: 'Agent image',
    defaultText: 'ghcr.io/flotilla-dev/flotilla:0.1.0',
  }),
} as const;

/** The `manifests` subcommand of `agent`. */
export function agentManifestsCommand(): Command {
  const command = new Command('manifests').description(
    'Print the Kubernetes objects that install the agent in a cluster',
  );
  addSettingOptions(command, manifestSettings);
  return command.action((flags) =>
    runCommand('agent manifests', () => {
      const install = readSettings(manifestSettings, flags);
      process.stdout.write(
        agentManifests(install)
          .map((object) => `---\n${stringify(object)}`)
          .join(''),
      );
      return Promise.resolve();
    }),
  );
}
