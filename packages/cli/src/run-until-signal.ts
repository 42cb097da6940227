// Keeps a process running until SIGINT or SIGTERM, then shuts it down gracefully.
import type { Logger } from 'pino';

// Under `npm start`, one Ctrl-C arrives twice: from the terminal to the whole process group, and
// forwarded by npm. Repeats this close together are the same request to stop.
const repeatWindowMs = 1000;

/** Waits for a signal, runs `close`, then exits 0 (or 1 if closing failed or the user insisted). */
export function runUntilSignal(close: () => Promise<void>, logger: Logger): void {
  let firstSignalAt: number | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (firstSignalAt !== undefined) {
      if (Date.now() - firstSignalAt < repeatWindowMs) return;
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    firstSignalAt = Date.now();
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
