// Runs a command's body and turns the failures people cause into words and exit codes.
import { ConfigError } from '@flotilla/protocol';
import { ListenError } from '@flotilla/hub';

/** Exit codes: 2 for bad configuration, 1 for anything else that stopped the command. */
export const exitCodes = { ok: 0, failed: 1, badConfig: 2 } as const;

/** Awaits `body`; on failure prints a one-paragraph explanation (no stack) and sets the exit code. */
export async function runCommand(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    process.exitCode = reportFailure(name, error);
  }
}

function reportFailure(name: string, error: unknown): number {
  if (error instanceof ConfigError) {
    process.stderr.write(
      `flotilla ${name}: invalid configuration\n  ${error.message.replaceAll('\n', '\n  ')}\n`,
    );
    return exitCodes.badConfig;
  }
  if (error instanceof ListenError) {
    process.stderr.write(`flotilla ${name}: ${error.message}\n`);
    return exitCodes.failed;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`flotilla ${name}: ${message}\n`);
  return exitCodes.failed;
}
