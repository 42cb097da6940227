// Test helper: a long-running kubectl (logs -f, port-forward, exec) whose output can be awaited line by line.
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { kubectlPath } from './test-cluster.ts';

/** A running kubectl child; `stop` kills it (tests must always call it). */
export interface KubectlChild {
  readonly child: ChildProcessWithoutNullStreams;
  /** Everything printed on stdout so far. */
  output(): string;
  /** Resolves once stdout satisfies `isDone` (rejects if kubectl exits first). */
  waitFor(isDone: (stdout: string) => boolean): Promise<string>;
  /** Resolves with the exit code once kubectl exits. */
  exited(): Promise<number | null>;
  stop(): void;
}

/** Starts kubectl with `args` against `kubeconfig`. */
export function spawnKubectl(kubeconfig: string, args: readonly string[]): KubectlChild {
  const child = spawn(kubectlPath, ['--kubeconfig', kubeconfig, ...args]);
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    for (const listener of listeners) listener();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
  const waitFor = (isDone: (text: string) => boolean): Promise<string> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (!isDone(stdout)) return;
        listeners.delete(check);
        resolve(stdout);
      };
      listeners.add(check);
      check();
      void exit.then(() => {
        if (listeners.delete(check)) reject(new Error(`kubectl exited early: ${stderr}`));
      });
    });
  return {
    child,
    output: () => stdout,
    waitFor,
    exited: () => exit,
    stop: () => void child.kill('SIGKILL'),
  };
}

/** The non-empty lines of `text`. */
export function linesOf(text: string): string[] {
  return text.split('\n').filter((line) => line.length > 0);
}
