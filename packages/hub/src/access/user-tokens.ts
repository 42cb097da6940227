// API tokens of users and service accounts: issued and revoked with an audit row each.
import { FlotillaError } from '@flotilla/protocol';
import type { Db } from '../store/store.ts';
import { auditActor, recordAudit, type Actor } from '../audit/audit.ts';
import {
  findUserToken,
  issueCredential,
  revokeCredentials,
  type IssueOptions,
  type TokenInfo,
} from './credentials.ts';
import { getUser } from './users.ts';
import { accessChanged } from './access-changes.ts';

/** Issues a token to an enabled user, audited; the secret is answered once and never stored. */
export async function issueUserToken(
  db: Db,
  user: string,
  options: IssueOptions,
  actor: Actor,
  now: Date,
): Promise<{ token: string; info: TokenInfo }> {
  return db.transaction().execute(async (trx) => {
    const found = await getUser(trx, user);
    if (found.disabledAt !== null) throw new FlotillaError('conflict', `user ${user} is disabled`);
    const { id, secret } = await issueCredential(trx, 'user', user, now, options);
    const info = await findUserToken(trx, user, id);
    await recordAudit(
      trx,
      { ...auditActor(actor), action: 'create', kind: 'token', target: user, after: info },
      now,
    );
    return { token: secret, info: info as TokenInfo };
  });
}

/** Revokes one token of `user`, audited. */
export async function revokeUserToken(
  db: Db,
  user: string,
  id: string,
  actor: Actor,
  now: Date,
): Promise<TokenInfo> {
  const revoked = await db.transaction().execute(async (trx) => {
    const before = await findUserToken(trx, user, id);
    if (before === undefined)
      throw new FlotillaError('not_found', `token ${id} of ${user} does not exist`);
    await revokeCredentials(trx, 'user', user, now, id);
    const after = (await findUserToken(trx, user, id)) as TokenInfo;
    await recordAudit(
      trx,
      { ...auditActor(actor), action: 'revoke', kind: 'token', target: user, before, after },
      now,
    );
    return after;
  });
  accessChanged();
  return revoked;
}
