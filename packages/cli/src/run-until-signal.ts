// Keeps a process running until SIGINT or SIGTERM, then shuts it down gracefully.
import type { Logger } from 'pino';

/** Waits for a signal, runs `close`, then exits 0 (or 1 if closing failed or a second signal came). */
export function runUntilSignal(close: () => Promise<void>, logger: Logger): void {
  let isClosing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (isClosing) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    isClosing = true;
    logger.info({ signal }, 'shutting down');
    close().then(
      () => exitAfterFlush(logger, 0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        exitAfterFlush(logger, 1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

function exitAfterFlush(logger: Logger, code: number): void {
  logger.flush(() => process.exit(code));
}
