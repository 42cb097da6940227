// An agent that keeps its credential in a Kubernetes Secret: it joins once with a single-use
// join token, and after a restart comes back with the credential the Secret holds.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startFleet, until, type TestFleet } from './support/fleet.ts';
import { kubectl } from './support/kubectl.ts';

let fleet: TestFleet;
let local: string;
before(async () => {
  fleet = await startFleet([{ name: 'edge-1', environment: 'prod', nodes: 1 }], {
    unregistered: ['edge-1'],
  });
  local = join(fleet.dir, 'edge-1.local');
  await kubectl(local, 'edge-1', ['create', 'namespace', 'flotilla-system']);
});
after(() => fleet.close());

const secretStore = (joinTokenFile: string) => ({
  credentialStore: 'secret',
  credentialFile: '',
  joinTokenFile,
});

async function storedCredential(): Promise<string> {
  const result = await kubectl(local, 'edge-1', [
    ...['get', 'secret', 'flotilla-agent-credential', '-n', 'flotilla-system'],
    ...['-o', 'jsonpath={.data.credential}'],
  ]);
  return Buffer.from(result.stdout, 'base64').toString();
}

async function joinTokenUses(): Promise<number | undefined> {
  const response = await fetch(`${fleet.hub.url}/api/v1/join-tokens`, {
    headers: { authorization: `Bearer ${fleet.adminToken}` },
  });
  const { items } = (await response.json()) as { items: { uses: number }[] };
  return items[0]?.uses;
}

void test('a restarted agent comes back with the credential kept in its Secret', async () => {
  const created = await fetch(`${fleet.hub.url}/api/v1/join-tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${fleet.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ environment: 'prod', maxUses: 1 }),
  });
  assert.equal(created.status, 201);
  const joinTokenFile = join(fleet.dir, 'join.token');
  await writeFile(joinTokenFile, ((await created.json()) as { token: string }).token);
  const first = await fleet.startAgent('edge-1', secretStore(joinTokenFile));
  await fleet.waitConnected(1);
  let credential = '';
  for (let i = 0; i < 100 && !credential.startsWith('flt_a_'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    credential = await storedCredential();
  }
  assert.match(credential, /^flt_a_/, 'the credential is in the Secret');
  assert.equal(await joinTokenUses(), 1);
  const firstSession = fleet.hub.hub.sessions.get('edge-1')?.id;
  await first.close();
  await fleet.waitConnected(0);
  // The join token file is still there, but spent: only the stored credential can get back in.
  await fleet.startAgent('edge-1', secretStore(joinTokenFile));
  await fleet.waitConnected(1);
  await until(() => fleet.agents.get('edge-1')?.tunnel.state === 'connected', 'the agent');
  assert.notEqual(fleet.hub.hub.sessions.get('edge-1')?.id, firstSession);
  assert.equal(await joinTokenUses(), 1, 'the join token was not presented again');
  assert.equal(await storedCredential(), credential, 'the stored credential is unchanged');
});
