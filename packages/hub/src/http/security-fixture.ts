// Test fixture for the security suite: a hub with one user per role and a fresh target for each
// request, so every route can be tried by every role without one attempt changing the next.
import { randomUUID } from 'node:crypto';
import type { Environment } from '@flotilla/protocol';
import { startTestHub } from '../test-hub.ts';
import { registerCluster } from '../clusters/registry.ts';
import { createJoinToken } from '../clusters/join-tokens.ts';
import { issueCredential } from '../access/credentials.ts';
import { createUser } from '../access/users.ts';
import { createRoleBinding } from '../access/role-bindings.ts';
import type { Grant } from '../access/can.ts';

export type TestHub = Awaited<ReturnType<typeof startTestHub>>;
export const personas = ['admin', 'operator', 'viewer', 'dev-operator', 'nobody'] as const;
export type Persona = (typeof personas)[number];

const grants: Record<Exclude<Persona, 'admin'>, Grant[]> = {
  operator: [{ role: 'operator', scope: { kind: 'fleet' } }],
  viewer: [{ role: 'viewer', scope: { kind: 'fleet' } }],
  'dev-operator': [{ role: 'operator', scope: { kind: 'environments', environments: ['dev'] } }],
  nobody: [],
};

const system = { name: 'test' };
const now = () => new Date();
let counter = 0;
const unique = (prefix: string) => `${prefix}-${String(++counter)}`;

/** A hub with a token for each persona. */
export async function startSecurityHub(): Promise<{
  hub: TestHub;
  tokens: Record<Persona, string>;
}> {
  const hub = await startTestHub();
  const tokens = { admin: hub.adminToken } as Record<Persona, string>;
  for (const [name, list] of Object.entries(grants)) {
    await createUser(hub.hub.db, { name, kind: 'user' }, system, now());
    for (const grant of list)
      await createRoleBinding(
        hub.hub.db,
        { ...grant, subject: { kind: 'user', name } },
        system,
        now(),
      );
    tokens[name as Persona] = (await issueCredential(hub.hub.db, 'user', name, now())).secret;
  }
  return { hub, tokens };
}

/** Fresh objects a request can act on. */
export function targets(hub: TestHub) {
  const db = hub.hub.db;
  return {
    cluster: async (environment: Environment = 'prod') => {
      const name = unique(`c-${environment}`);
      await registerCluster(db, { name, environment, labels: {} }, system, now());
      return name;
    },
    joinToken: async (environment: Environment = 'prod') => {
      const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
      const spec = { environment, labels: {}, maxUses: 1, expiresAt };
      return (await createJoinToken(db, spec, system, now())).info.id;
    },
    user: async () => {
      const name = unique('u');
      await createUser(db, { name, kind: 'user' }, system, now());
      return name;
    },
    userToken: async (user: string) => (await issueCredential(db, 'user', user, now())).id,
    binding: async () => {
      const binding = {
        role: 'viewer',
        subject: { kind: 'user', name: unique('b') },
        scope: { kind: 'fleet' },
      } as const;
      return (await createRoleBinding(db, binding, system, now())).id;
    },
    name: unique,
    uuid: randomUUID,
  };
}
