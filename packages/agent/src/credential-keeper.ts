// Keeps the credential the hub hands back after a join: a join token is spent once used, so a
// failed save must not lock the agent out. The credential stays in memory for this process's
// redials, and the save is retried with growing delays until the store has it.
import type { Logger } from 'pino';
import type { CredentialStore } from './credentials.ts';

/** Delays between save attempts grow from here, doubling up to the ceiling. */
const firstRetryMs = 1000;
const lastRetryMs = 60_000;

/** A credential store that remembers what it was asked to save and retries until it sticks. */
export interface CredentialKeeper extends CredentialStore {
  /** Cancels a pending retry (the agent is stopping). */
  stop(): void;
}

/** Wraps `store`; `retryMs` (for tests) overrides the first retry delay. */
export function keepCredential(
  store: CredentialStore,
  logger: Logger,
  retryMs = firstRetryMs,
): CredentialKeeper {
  let pending: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  const attempt = async (credential: string, delayMs: number): Promise<void> => {
    try {
      await store.save(credential);
      if (pending === credential) pending = undefined;
      logger.info({ store: store.where }, 'cluster credential saved');
    } catch (error) {
      const next = Math.min(delayMs * 2, lastRetryMs);
      logger.error(
        { err: error, store: store.where, retryInMs: delayMs },
        'could not save the cluster credential; retrying',
      );
      timer = setTimeout(() => void attempt(credential, next), delayMs);
      timer.unref();
    }
  };
  return {
    where: store.where,
    read: async () => pending ?? (await store.read()),
    save: (credential) => {
      pending = credential;
      if (timer) clearTimeout(timer);
      return attempt(credential, retryMs);
    },
    stop: () => {
      if (timer) clearTimeout(timer);
    },
  };
}
