// The root logger of a Flotilla process: JSON lines, each child adds its component and cluster.
import { pino, type Logger, type Level } from 'pino';

/** Logs at `level` to stdout, or to `file` when given (the demo keeps its console for people). */
export function createLogger(level: Level | 'silent', file?: string): Logger {
  const destination =
    file === undefined
      ? pino.destination(1)
      : pino.destination({ dest: file, mkdir: true, sync: false });
  return pino(
    { level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime },
    destination,
  );
}
