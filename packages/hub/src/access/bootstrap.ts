// The first administrator: on a store with no users, an `admin` user with a fleet-wide admin
// binding and one API token (no expiry: it is how the operator gets in to create everything else).
import type { Db } from '../store/store.ts';
import { recordAudit } from '../audit/audit.ts';
import { issueCredential } from './credentials.ts';
import { insertRoleBinding } from './role-bindings.ts';
import { insertUser } from './users.ts';

const actor = 'system:bootstrap';

/** Creates the bootstrap admin when there is no user yet; returns its token (only then). */
export async function bootstrapAdmin(db: Db, now: Date): Promise<string | undefined> {
  return db.transaction().execute(async (trx) => {
    if ((await trx.selectFrom('users').select('name').limit(1).executeTakeFirst()) !== undefined)
      return undefined;
    const user = await insertUser(trx, 'admin', 'user', now);
    const binding = {
      role: 'admin',
      subject: { kind: 'user', name: 'admin' },
      scope: { kind: 'fleet' },
    } as const;
    const created = await insertRoleBinding(trx, binding, now);
    const { id, secret } = await issueCredential(trx, 'user', 'admin', now, {
      description: 'bootstrap',
    });
    await recordAudit(
      trx,
      { actor, action: 'create', kind: 'user', target: 'admin', after: user },
      now,
    );
    await recordAudit(
      trx,
      { actor, action: 'create', kind: 'role-binding', target: created.id, after: created },
      now,
    );
    await recordAudit(
      trx,
      { actor, action: 'create', kind: 'token', target: 'admin', after: { id } },
      now,
    );
    return secret;
  });
}
