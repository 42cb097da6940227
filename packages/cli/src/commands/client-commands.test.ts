// The client commands against a real hub: login, then users, tokens, roles, clusters, join
// tokens and audit, in table and JSON output.
import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pino } from 'pino';
import { parseSettings } from '@flotilla/protocol';
import { hubSettings, startHub, type RunningHub } from '@flotilla/hub';
import { buildProgram } from '../main.ts';
import { io } from '../client/output.ts';

let hub: RunningHub;
let dir = '';
let config = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flotilla-cli-'));
  config = join(dir, 'client.json');
  const settings = parseSettings(hubSettings, {
    port: '0',
    store: 'sqlite::memory:',
    logLevel: 'silent',
  });
  hub = await startHub(settings, pino({ level: 'silent' }), { quiet: true });
  await hub.registerCluster(
    { name: 'prod-eu-1', environment: 'prod', labels: { region: 'eu' } },
    'test',
  );
});
after(async () => {
  await hub.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs `flotilla <args>` in this process and returns what it printed. */
async function flotilla(...args: string[]): Promise<string> {
  let out = '';
  const write = io.write;
  io.write = (text) => void (out += text);
  const stderr = process.stderr.write.bind(process.stderr);
  let err = '';
  process.stderr.write = (text: string) => ((err += text), true);
  try {
    const withConfig = args[0] === 'login' ? args : [...args, '--config', config];
    await buildProgram().parseAsync(['node', 'flotilla', ...withConfig]);
  } finally {
    io.write = write;
    process.stderr.write = stderr;
  }
  const code = process.exitCode;
  process.exitCode = 0;
  if (code !== undefined && code !== 0) throw new Error(err.trim());
  return out;
}

const json = <T>(text: string) => JSON.parse(text) as T;

void test('login checks the token and saves it readable only by its owner', async () => {
  await assert.rejects(
    flotilla('login', '--hub', hub.url, '--token', 'flt_u_nope', '--config', config),
    /unknown, expired or revoked/,
  );
  const out = await flotilla(
    'login',
    '--hub',
    hub.url,
    '--token',
    hub.bootstrapAdminToken ?? '',
    '--config',
    config,
  );
  assert.equal(out, `logged in to ${hub.url} as admin\n`);
  assert.equal((await stat(config)).mode & 0o777, 0o600);
});

void test('clusters list, show, label and decommission', async () => {
  const table = await flotilla('clusters', 'list');
  assert.match(table, /^NAME\s+ENVIRONMENT\s+CONNECTED/);
  assert.match(table, /prod-eu-1\s+prod\s+no/);
  await flotilla('clusters', 'label', 'prod-eu-1', 'tier=gold', 'region-');
  const shown = json<{ labels: Record<string, string> }>(
    await flotilla('clusters', 'show', 'prod-eu-1', '-o', 'json'),
  );
  assert.deepEqual(shown.labels, { tier: 'gold' });
  assert.equal(
    await flotilla('clusters', 'decommission', 'prod-eu-1', '--yes'),
    'cluster prod-eu-1 decommissioned\n',
  );
  assert.deepEqual(
    json<{ items: unknown[] }>(await flotilla('clusters', 'list', '-o', 'json')).items,
    [],
  );
});

void test('users, roles and tokens: an operator is created, granted and given a token', async () => {
  await flotilla('users', 'create', 'olivia');
  const granted = await flotilla(
    'roles',
    'grant',
    'operator',
    '--user',
    'olivia',
    '--environment',
    'dev',
    '-o',
    'json',
  );
  assert.deepEqual(json<{ scope: unknown }>(granted).scope, {
    kind: 'environments',
    environments: ['dev'],
  });
  assert.match(await flotilla('roles', 'list'), /operator\s+user:olivia\s+environments: dev/);
  const created = json<{ token: string; info: { id: string } }>(
    await flotilla('tokens', 'create', '--user', 'olivia', '-o', 'json'),
  );
  assert.match(created.token, /^flt_u_/);
  assert.match(await flotilla('tokens', 'list', '--user', 'olivia'), new RegExp(created.info.id));
  assert.match(await flotilla('users', 'list'), /olivia\s+user/);
  await assert.rejects(flotilla('roles', 'grant', 'viewer'), /exactly one of --user or --group/);
});

void test('join tokens are created (shown once), listed and revoked', async () => {
  const out = await flotilla(
    'join-tokens',
    'create',
    '--environment',
    'qa',
    '--label',
    'team=a',
    '--max-uses',
    '3',
  );
  assert.match(out, /^join token \(shown once\): flt_j_/);
  const list = json<{ items: { id: string; uses: number; maxUses: number }[] }>(
    await flotilla('join-tokens', 'list', '-o', 'json'),
  );
  const [token] = list.items;
  assert.equal(token?.maxUses, 3);
  assert.match(await flotilla('join-tokens', 'revoke', token?.id ?? ''), /qa\s+team=a\s+0\/3/);
});

void test('audit pages and exports the trail', async () => {
  const page = json<{ items: { kind: string }[]; nextCursor: string }>(
    await flotilla('audit', '--limit', '2', '-o', 'json'),
  );
  assert.equal(page.items.length, 2);
  assert.match(await flotilla('audit', '--limit', '1'), /more: --cursor \d+/);
  const lines = (await flotilla('audit', '--export', '--cluster', 'prod-eu-1')).trim().split('\n');
  assert.deepEqual(
    lines.map((l) => json<{ action: string }>(l).action),
    ['create', 'update', 'decommission'],
  );
});
