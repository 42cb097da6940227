// Who an agent is, from what it presents on the tunnel upgrade: its cluster's credential, or a
// join token it redeems once (with its hello) for a new cluster and that cluster's credential.
import { isClusterName, type AgentHello } from '@flotilla/protocol';
import { FlotillaError } from '@flotilla/protocol';
import type { Db } from '../store/store.ts';
import { verifyCredential } from '../access/credentials.ts';
import { isSecretOf } from '../access/tokens.ts';
import { redeemJoinToken, usableJoinToken } from './join-tokens.ts';

/** What the upgrade request proved: a known cluster, or a usable join token. */
export type AgentAdmission =
  | { readonly kind: 'credential'; readonly cluster: string }
  | { readonly kind: 'join'; readonly secret: string };

/** The admission `secret` grants, or undefined (then the upgrade is refused with 401). */
export async function admissionOf(
  db: Db,
  secret: string,
  now: Date,
): Promise<AgentAdmission | undefined> {
  if (isSecretOf('join', secret)) {
    return (await usableJoinToken(db, secret, now)) === undefined
      ? undefined
      : { kind: 'join', secret };
  }
  const subject = await verifyCredential(db, secret, now);
  return subject?.kind === 'agent' ? { kind: 'credential', cluster: subject.cluster } : undefined;
}

/** The outcome of checking a hello against the admission. */
export type IdentityClaim =
  | { readonly isAccepted: true; readonly credential?: string }
  | { readonly isAccepted: false; readonly why: string };

/**
 * Checks the hello's cluster against the admission. With a credential it must name that
 * credential's cluster; with a join token the cluster is enrolled now and its new credential
 * returned (for the welcome). A join never takes over an existing or decommissioned cluster.
 */
export async function claimIdentity(
  db: Db,
  admission: AgentAdmission,
  hello: AgentHello,
  source: string | undefined,
  now: Date,
): Promise<IdentityClaim> {
  if (admission.kind === 'credential') {
    return hello.cluster === admission.cluster
      ? { isAccepted: true }
      : { isAccepted: false, why: `hello claims cluster ${hello.cluster}` };
  }
  if (!isClusterName(hello.cluster))
    return { isAccepted: false, why: `${hello.cluster} is not a valid cluster name` };
  try {
    const { credential } = await redeemJoinToken(
      db,
      admission.secret,
      hello.cluster,
      { source },
      now,
    );
    return { isAccepted: true, credential };
  } catch (error) {
    if (error instanceof FlotillaError) return { isAccepted: false, why: error.message };
    throw error;
  }
}
