// The proxy reuses authentications for a moment; a token revoked, a user disabled or a binding
// removed through the hub must still take effect on the very next proxied request.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestHub } from '../test-hub.ts';

let hub: Awaited<ReturnType<typeof startTestHub>>;

before(async () => {
  hub = await startTestHub();
  await api('POST', '/users', { name: 'alice' });
});
after(() => hub.close());

async function api(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${hub.url}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${hub.adminToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${path}: ${String(response.status)} ${text}`);
  return text === '' ? undefined : JSON.parse(text);
}

async function newToken(): Promise<{ token: string; id: string }> {
  const issued = (await api('POST', '/users/alice/tokens', {})) as {
    token: string;
    info: { id: string };
  };
  return { token: issued.token, id: issued.info.id };
}

async function bindViewer(): Promise<string> {
  const binding = (await api('POST', '/role-bindings', {
    role: 'viewer',
    subject: { kind: 'user', name: 'alice' },
    scope: { kind: 'fleet' },
  })) as { id: string };
  return binding.id;
}

/** A proxied GET to a cluster that does not exist: 404 for a fleet viewer, 403 for others. */
async function proxied(token: string): Promise<number> {
  const response = await fetch(`${hub.url}/k8s/clusters/nowhere/api/v1/pods`, {
    headers: { authorization: `Bearer ${token}` },
  });
  await response.body?.cancel();
  return response.status;
}

void test('a binding removed or added changes the next proxied request', async () => {
  const { token } = await newToken();
  const binding = await bindViewer();
  assert.equal(await proxied(token), 404);
  assert.equal(await proxied(token), 404);
  await api('DELETE', `/role-bindings/${binding}`);
  assert.equal(await proxied(token), 403);
  await bindViewer();
  assert.equal(await proxied(token), 404);
});

void test('a revoked token is refused on the next proxied request', async () => {
  const { token, id } = await newToken();
  assert.equal(await proxied(token), 404);
  await api('DELETE', `/users/alice/tokens/${id}`);
  assert.equal(await proxied(token), 401);
});

void test('a disabled user is refused on the next proxied request', async () => {
  const { token } = await newToken();
  assert.equal(await proxied(token), 404);
  await api('POST', '/users/alice/disable');
  assert.equal(await proxied(token), 401);
});
