import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, envName, flagName, parseSettings } from './settings.ts';
import {
  booleanSetting,
  choiceSetting,
  durationSetting,
  integerSetting,
  textSetting,
  urlSetting,
} from './setting-kinds.ts';

const table = {
  port: integerSetting({ description: 'port', min: 0, max: 65535, defaultText: '8080' }),
  logLevel: choiceSetting({
    description: 'level',
    choices: ['info', 'debug'],
    defaultText: 'info',
  }),
  hubUrl: urlSetting({ description: 'hub', schemes: ['https', 'wss'] }),
  timeout: durationSetting({
    description: 'timeout',
    minMs: 100,
    maxMs: 60_000,
    defaultText: '10s',
  }),
  insecure: booleanSetting({ description: 'insecure', defaultText: 'false' }),
  name: textSetting({
    description: 'name',
    pattern: /^[a-z]+$/,
    allowed: 'lowercase letters',
    defaultText: 'abc',
  }),
};

void test('names come from the key', () => {
  assert.equal(flagName('adminTokenFile'), 'admin-token-file');
  assert.equal(envName('adminTokenFile'), 'FLOTILLA_ADMIN_TOKEN_FILE');
});

void test('defaults apply and values are typed and frozen', () => {
  const config = parseSettings(table, { hubUrl: 'https://hub.example/' });
  assert.deepEqual(config, {
    port: 8080,
    logLevel: 'info',
    hubUrl: 'https://hub.example',
    timeout: 10_000,
    insecure: false,
    name: 'abc',
  });
  assert.ok(Object.isFrozen(config));
});

const badValues: [keyof typeof table, string, RegExp][] = [
  [
    'port',
    'abc',
    /--port \(FLOTILLA_PORT\) has invalid value "abc": allowed a whole number from 0 to 65535/,
  ],
  ['port', '70000', /"70000".*0 to 65535/],
  ['port', '8.5', /"8.5"/],
  ['logLevel', 'loud', /--log-level \(FLOTILLA_LOG_LEVEL\).*"loud": allowed one of info, debug/],
  ['hubUrl', 'ftp://x', /--hub-url.*"ftp:\/\/x": allowed an absolute https or wss URL/],
  ['hubUrl', 'not a url', /"not a url"/],
  ['timeout', '10', /--timeout.*"10": allowed a duration like 500ms/],
  ['timeout', '5ms', /"5ms".*from 100ms/],
  ['insecure', 'maybe', /--insecure.*"maybe": allowed true or false/],
  ['name', 'ABC', /--name.*"ABC": allowed lowercase letters/],
];

for (const [key, value, message] of badValues) {
  void test(`${key}=${JSON.stringify(value)} is refused with a message naming setting, value and what is allowed`, () => {
    const raw = { hubUrl: 'https://hub.example', [key]: value };
    assert.throws(
      () => parseSettings(table, raw),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, message);
        return true;
      },
    );
  });
}

void test('a missing required setting is named, and every problem is reported at once', () => {
  assert.throws(
    () => parseSettings(table, { port: 'x' }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.deepEqual(
        error.problems.map((p) => p.flag),
        ['port', 'hub-url'],
      );
      assert.match(error.message, /--hub-url \(FLOTILLA_HUB_URL\) is missing/);
      return true;
    },
  );
});
