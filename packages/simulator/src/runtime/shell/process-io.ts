// What a simulated process sees: its streams, environment, host name and clock, and a way to stop early.
import type { Clock } from '../../clock.ts';

/** The standard input of a simulated process: chunks until end of file. */
export interface StdinSource {
  /** The next chunk, or undefined at end of file. */
  read(): Promise<Buffer | undefined>;
}

/** The world of one simulated process. Nothing here ever touches the host. */
export interface ProcessIo {
  readonly stdin: StdinSource;
  stdout(text: string | Buffer): void;
  stderr(text: string): void;
  readonly env: Readonly<Record<string, string>>;
  /** The pod's name, which is the container's host name. */
  readonly hostname: string;
  readonly namespace: string;
  readonly podIP: string;
  readonly clock: Clock;
  /** Real milliseconds between clock checks while sleeping. */
  readonly pollMs: number;
  /** Aborted when the client goes away. */
  readonly signal: AbortSignal;
}

/** A stdin that is already at end of file (exec without -i). */
export const emptyStdin: StdinSource = { read: () => Promise.resolve(undefined) };

/** Resolves once `clock` reaches `until` or `signal` aborts, checking every `pollMs` real ms. */
export function waitUntil(
  clock: Clock,
  until: number,
  pollMs: number,
  signal: AbortSignal,
): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (clock.now() < until && !signal.aborted) return;
      clearInterval(timer);
      resolve();
    };
    const timer = setInterval(check, pollMs);
    signal.addEventListener('abort', check, { once: true });
    check();
  });
}
