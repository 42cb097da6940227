// Real kubectl, run against a kubeconfig, with its output collected.
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export interface KubectlResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `kubectl --kubeconfig <file> --context <context> <args>` to completion. */
export function kubectl(
  kubeconfig: string,
  context: string,
  args: readonly string[],
  input?: string,
): Promise<KubectlResult> {
  return new Promise((resolve) => {
    const child = execFile(
      'kubectl',
      ['--kubeconfig', kubeconfig, '--context', context, ...args],
      { timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** Starts a long-running kubectl (watch, logs -f, port-forward); the caller kills it. */
export function spawnKubectl(
  kubeconfig: string,
  context: string,
  args: readonly string[],
): ChildProcessWithoutNullStreams {
  return spawn('kubectl', ['--kubeconfig', kubeconfig, '--context', context, ...args]);
}
