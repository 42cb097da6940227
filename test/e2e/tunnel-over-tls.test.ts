// An agent that dials the hub over wss://, as in production (its frames then go unmasked inside
// TLS): requests through it answer exactly what the API server answers directly.
import assert from 'node:assert/strict';
import { request } from 'node:https';
import { getCACertificates, setDefaultCACertificates } from 'node:tls';
import { after, before, test } from 'node:test';
import { startFleet, until, type TestFleet } from './support/fleet.ts';

let fleet: TestFleet;

before(async () => {
  fleet = await startFleet([{ name: 'tls-1', environment: 'dev', nodes: 2 }]);
  // The agent trusts the hub's test CA as it would a public one.
  setDefaultCACertificates([...getCACertificates('default'), fleet.hubCa]);
  await fleet.agents.get('tls-1')?.close();
  await until(() => fleet.hub.hub.sessions.size === 0, 'the plain-HTTP agent to leave');
  await fleet.startAgent('tls-1', { hubUrl: fleet.hub.secureUrl ?? '', insecure: 'false' });
  await fleet.waitConnected(1);
});
after(() => fleet.close());

function body(url: string, token: string, ca: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca, headers: { authorization: `Bearer ${token}` } }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve(text));
    });
    req.on('error', reject);
    req.end();
  });
}

void test('a list through a wss:// tunnel answers what the API server answers directly', async () => {
  const sim = fleet.simulator.cluster('tls-1');
  const path = '/api/v1/nodes';
  const direct = await body(`${sim.url}${path}`, sim.token, sim.caCertificate ?? '');
  const hub = `${fleet.hub.secureUrl ?? ''}/k8s/clusters/tls-1${path}`;
  const through = await body(hub, fleet.adminToken, fleet.hubCa);
  const names = (text: string) =>
    (JSON.parse(text) as { items: { metadata: { name: string } }[] }).items.map(
      (node) => node.metadata.name,
    );
  assert.equal(names(through).length, 2);
  assert.deepEqual(names(through), names(direct));
});
