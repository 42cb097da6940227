// Configuration validation through the real command line: every bad value exits non-zero with a
// message naming the setting, the value and what is allowed — and nothing starts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runCli } from './support/cli.ts';

interface Case {
  readonly args: readonly string[];
  readonly env?: Record<string, string>;
  readonly message: RegExp;
}

const agentBase = [
  '--hub-url',
  'https://hub.example',
  '--cluster',
  'dev-1',
  '--credential-file',
  '/nonexistent',
];

const cases: readonly Case[] = [
  {
    args: ['hub', '--port', 'abc'],
    message:
      /setting --port \(FLOTILLA_PORT\) has invalid value "abc": allowed a whole number from 0 to 65535/,
  },
  {
    args: ['hub'],
    env: { FLOTILLA_PORT: '99999' },
    message: /--port \(FLOTILLA_PORT\) has invalid value "99999"/,
  },
  {
    args: ['hub', '--log-level', 'loud'],
    message:
      /--log-level \(FLOTILLA_LOG_LEVEL\) has invalid value "loud": allowed one of fatal, error, warn, info, debug, trace, silent/,
  },
  {
    args: ['hub', '--heartbeat-interval', '10'],
    message:
      /--heartbeat-interval \(FLOTILLA_HEARTBEAT_INTERVAL\) has invalid value "10": allowed a duration/,
  },
  {
    args: ['hub', '--store', 'mysql://db'],
    message: /--store \(FLOTILLA_STORE\) has invalid value "mysql:\/\/db": allowed sqlite:<file>/,
  },
  {
    args: ['hub', '--body-limit', '12'],
    message:
      /--body-limit \(FLOTILLA_BODY_LIMIT\) has invalid value "12": allowed a whole number from 1024/,
  },
  {
    args: ['agent'],
    message:
      /--hub-url \(FLOTILLA_HUB_URL\) is missing[\s\S]*--cluster \(FLOTILLA_CLUSTER\) is missing/,
  },
  {
    args: ['agent', '--hub-url', 'https://hub.example', '--cluster', 'dev-1'],
    message:
      /--credential-file \(FLOTILLA_CREDENTIAL_FILE\) has invalid value "": allowed a file path when --credential-store/,
  },
  {
    args: ['agent', ...agentBase, '--cluster', 'Prod_1'],
    message: /--cluster \(FLOTILLA_CLUSTER\) has invalid value "Prod_1": allowed a DNS-1123 label/,
  },
  {
    args: ['agent', ...agentBase, '--hub-url', 'ftp://hub'],
    message: /--hub-url \(FLOTILLA_HUB_URL\) has invalid value "ftp:\/\/hub"/,
  },
  {
    args: ['agent', ...agentBase, '--hub-url', 'ws://hub:8080'],
    message:
      /--hub-url \(FLOTILLA_HUB_URL\) has invalid value "ws:\/\/hub:8080": allowed a wss:\/\/ or https:\/\/ URL unless --insecure/,
  },
  {
    args: ['agent', ...agentBase, '--insecure', 'perhaps'],
    message: /--insecure \(FLOTILLA_INSECURE\) has invalid value "perhaps": allowed true or false/,
  },
  {
    args: ['agent', ...agentBase],
    env: { FLOTILLA_GIVE_UP_AFTER: '1s5' },
    message: /--give-up-after \(FLOTILLA_GIVE_UP_AFTER\) has invalid value "1s5"/,
  },
  {
    args: ['sim', '--clusters', 'many'],
    message:
      /--clusters \(FLOTILLA_CLUSTERS\) has invalid value "many": allowed a whole number from 0 to 10000/,
  },
  {
    args: ['demo', '--port', '-1'],
    message:
      /--port \(FLOTILLA_PORT\) has invalid value "-1": allowed a whole number from 0 to 65535/,
  },
  {
    args: ['demo', '--log-level', 'verbose'],
    message: /--log-level \(FLOTILLA_LOG_LEVEL\) has invalid value "verbose"/,
  },
];

// Each case spawns a process that mostly waits on module loading: run them side by side.
void describe('flotilla configuration', { concurrency: 4 }, () => {
  for (const { args, env, message } of cases) {
    const label = [...Object.entries(env ?? {}).map(([k, v]) => `${k}=${v}`), ...args].join(' ');
    void test(`flotilla ${label} → exit 2 with a clear message`, async () => {
      const result = await runCli(args, { env });
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, message);
      assert.match(result.stderr, new RegExp(`^flotilla ${args[0] ?? ''}: invalid configuration`));
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
      assert.equal(result.stdout, '');
    });
  }

  void test('a flag beats its environment variable', async () => {
    const result = await runCli(['hub', '--port', 'x'], { env: { FLOTILLA_PORT: 'y' } });
    assert.match(result.stderr, /"x"/);
    assert.doesNotMatch(result.stderr, /"y"/);
  });

  for (const command of ['hub', 'agent', 'sim', 'demo']) {
    void test(`flotilla ${command} --help lists its settings with their variables`, async () => {
      const result = await runCli([command, '--help']);
      assert.equal(result.code, 0);
      assert.match(result.stdout, new RegExp(`Usage: flotilla ${command} \\[options\\]`));
      assert.match(result.stdout, /--log-level <value>[\s\S]*FLOTILLA_LOG_LEVEL/);
    });
  }

  void test('flotilla --help lists the subcommands', async () => {
    const result = await runCli(['--help']);
    assert.equal(result.code, 0);
    for (const command of ['hub', 'agent', 'sim', 'demo'])
      assert.match(result.stdout, new RegExp(`^\\s+${command} `, 'm'));
  });
});
