// The bearer tokens one simulated cluster accepts, and the identity each stands for.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { UserInfo } from './user.ts';
import { mastersGroup, withImpliedGroups } from './user.ts';

/** A user (or service account) a test adds to a cluster. */
export interface UserSpec {
  /** Username, e.g. `alice` or `system:serviceaccount:flotilla:agent`. */
  readonly name: string;
  readonly groups?: readonly string[];
  /** The bearer token; a random one when absent. */
  readonly token?: string;
}

function isSameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Token → identity. The admin (`kubernetes-admin` in system:masters) always exists. */
export class Identities {
  readonly adminToken: string;
  readonly #users: { token: string; user: UserInfo }[] = [];

  constructor(adminToken = randomBytes(24).toString('base64url')) {
    this.adminToken = adminToken;
    this.add({ name: 'kubernetes-admin', groups: [mastersGroup], token: adminToken });
  }

  /** Registers `spec` and returns its token. Service-account names get their implied groups. */
  add(spec: UserSpec): string {
    const token = spec.token ?? randomBytes(24).toString('base64url');
    if (this.#users.some((entry) => entry.token === token)) throw new Error('token already in use');
    const user = { username: spec.name, groups: withImpliedGroups(spec.name, spec.groups ?? []) };
    this.#users.push({ token, user: Object.freeze(user) });
    return token;
  }

  /** The identity of `token`, if any. */
  lookup(token: string): UserInfo | undefined {
    return this.#users.find((entry) => isSameToken(token, entry.token))?.user;
  }
}
