// OIDC ID tokens against a hub whose issuer serves its keys from a local JWKS server: what is
// accepted, what is refused, and how claims become a user and groups.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWTPayload } from 'jose';
import { startTestHub } from '../test-hub.ts';

let issuerServer: Server;
let issuer = '';
let jwksFetches = 0;
let key: CryptoKey;
let otherKey: CryptoKey;
let hub: Awaited<ReturnType<typeof startTestHub>>;
const audience = 'flotilla-hub';

before(async () => {
  const pair = await generateKeyPair('RS256');
  key = pair.privateKey;
  ({ privateKey: otherKey } = await generateKeyPair('RS256'));
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  issuerServer = createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    if (request.url === '/.well-known/openid-configuration') {
      response.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/keys` }));
    } else if (request.url === '/keys') {
      jwksFetches++;
      response.end(JSON.stringify({ keys: [jwk] }));
    } else response.writeHead(404).end('{}');
  });
  await new Promise<void>((resolve) => issuerServer.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(issuerServer.address() as AddressInfo).port}`;
  hub = await startTestHub({
    oidcIssuer: issuer,
    oidcAudience: audience,
    oidcGroupsClaim: 'groups',
  });
});
after(async () => {
  await hub.close();
  await new Promise((resolve) => issuerServer.close(resolve));
});

const nowSeconds = () => Math.floor(Date.now() / 1000);

async function idToken(claims: JWTPayload = {}, signWith: CryptoKey = key): Promise<string> {
  return new SignJWT({ sub: 'alice', groups: ['ops'], ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(typeof claims.iss === 'string' ? claims.iss : issuer)
    .setAudience(claims.aud ?? audience)
    .setIssuedAt()
    .setExpirationTime(claims.exp ?? nowSeconds() + 300)
    .sign(signWith);
}

function unsigned(payload: JWTPayload): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(payload)}.`;
}

const whoami = (token: string) =>
  hub.hub.app.inject({
    method: 'GET',
    url: '/api/v1/whoami',
    headers: { authorization: `Bearer ${token}` },
  });

void test('a valid ID token is a user with prefixed name and groups', async () => {
  const response = await whoami(await idToken());
  assert.equal(response.statusCode, 200);
  const body = response.json<{ name: string; groups: string[]; via: string }>();
  assert.deepEqual([body.name, body.groups, body.via], ['oidc:alice', ['oidc:ops'], 'oidc']);
});

void test('the JWKS is fetched once and cached across requests', async () => {
  for (let i = 0; i < 5; i++) assert.equal((await whoami(await idToken())).statusCode, 200);
  assert.equal(jwksFetches, 1);
});

void test('a group binding grants the OIDC user its role', async () => {
  const token = await idToken({ sub: 'bob', groups: ['viewers'] });
  const list = () =>
    hub.hub.app.inject({
      method: 'GET',
      url: '/api/v1/clusters',
      headers: { authorization: `Bearer ${token}` },
    });
  assert.equal((await list()).statusCode, 403);
  const bind = await hub.hub.app.inject({
    method: 'POST',
    url: '/api/v1/role-bindings',
    headers: { authorization: `Bearer ${hub.adminToken}` },
    payload: {
      role: 'viewer',
      subject: { kind: 'group', name: 'oidc:viewers' },
      scope: { kind: 'fleet' },
    },
  });
  assert.equal(bind.statusCode, 201);
  assert.equal((await list()).statusCode, 200);
});

const refusals: [string, () => Promise<string>][] = [
  ['wrong issuer', () => idToken({ iss: 'https://evil.example' })],
  ['wrong audience', () => idToken({ aud: 'someone-else' })],
  ['wrong signature', () => idToken({}, otherKey)],
  [
    'algorithm none',
    () =>
      Promise.resolve(
        unsigned({ iss: issuer, aud: audience, sub: 'alice', exp: nowSeconds() + 300 }),
      ),
  ],
  ['expired', () => idToken({ exp: nowSeconds() - 600 })],
  ['not yet valid', () => idToken({ nbf: nowSeconds() + 600 })],
  ['no subject claim', () => idToken({ sub: '' })],
  ['groups not a list', () => idToken({ groups: 'ops' })],
  ['truncated', async () => (await idToken()).slice(0, -10)],
  ['not a JWT at all', () => Promise.resolve('a.b')],
];

for (const [name, make] of refusals) {
  void test(`an ID token with ${name} is refused with 401`, async () => {
    const response = await whoami(await make());
    assert.equal(response.statusCode, 401);
    assert.equal(response.json<{ error: { code: string } }>().error.code, 'unauthenticated');
  });
}
