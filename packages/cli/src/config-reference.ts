// Renders every command's settings as Markdown: docs/configuration.md is this output, kept in
// sync by a test, so the reference can never drift from the code.
import { envName, flagName, type SettingsTable } from '@flotilla/protocol';
import { hubSettings } from '@flotilla/hub';
import { agentSettings } from '@flotilla/agent';
import { simSettings } from './commands/sim.ts';
import { demoSettings } from './demo/demo-config.ts';

const commands: readonly [string, string, SettingsTable][] = [
  ['hub', 'the hub', hubSettings],
  ['agent', 'the agent in each child cluster', agentSettings],
  ['sim', 'the Kubernetes API simulator', simSettings],
  ['demo', 'the demo (`npm start`)', demoSettings],
];

const cell = (text: string) => text.replaceAll('|', '\\|');

function table(settings: SettingsTable): string {
  const rows = Object.entries(settings).map(([key, spec]) => {
    const fallback =
      spec.defaultText === undefined
        ? '*required*'
        : spec.defaultText === ''
          ? '*empty*'
          : `\`${spec.defaultText}\``;
    return `| \`--${flagName(key)}\` | \`${envName(key)}\` | ${fallback} | ${cell(spec.description)}; ${cell(spec.allowed)} |`;
  });
  return [
    '| flag | variable | default | meaning; allowed values |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** The whole configuration reference. */
export function configReference(): string {
  const intro =
    '# Configuration reference\n\n' +
    'Every setting can be given as a flag or as a `FLOTILLA_*` environment variable; the flag wins.\n' +
    'Settings are read once at start and validated: a bad value stops the command with exit code 2\n' +
    'and a message naming the setting, the value and what is allowed.\n\n' +
    'Generated from the code by `npm run docs:config`; a test fails when this file is stale.\n';
  const sections = commands.map(
    ([name, what, settings]) => `## \`flotilla ${name}\`: ${what}\n\n${table(settings)}\n`,
  );
  return [intro, ...sections].join('\n');
}
