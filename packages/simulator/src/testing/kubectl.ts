// Runs the real kubectl against a simulated cluster for tests: a temporary kubeconfig, exit code and output.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before } from 'node:test';
import { startSimulator } from '../simulator.ts';
import type { SimulatedCluster, Simulator } from '../simulator.ts';

const run = promisify(execFile);
const kubectlPath = '/usr/bin/kubectl';

/** What one kubectl run printed and returned. */
export interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A kubectl bound to one cluster's kubeconfig; `dispose` removes the kubeconfig. */
export interface Kubectl {
  (...args: string[]): Promise<Outcome>;
  /** Runs with `input` on stdin (for `apply -f -`). */
  withInput(input: string, ...args: string[]): Promise<Outcome>;
  /** Writes `text` to a file in the kubectl's directory and returns its path. */
  file(name: string, text: string): Promise<string>;
  dispose(): Promise<void>;
}

function outcomeOf(error: unknown): Outcome {
  const failed = error as { code?: number; stdout?: string; stderr?: string };
  return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
}

function runWithInput(args: string[], input: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = execFile(kubectlPath, args, (error, stdout, stderr) => {
      resolve(error ? outcomeOf({ ...error, stdout, stderr }) : { code: 0, stdout, stderr });
    });
    child.stdin?.end(input);
  });
}

/** A kubectl for `cluster`, with its kubeconfig in a fresh temporary directory. */
export async function kubectlFor(cluster: SimulatedCluster): Promise<Kubectl> {
  const directory = await mkdtemp(join(tmpdir(), 'flotilla-kubectl-'));
  const kubeconfig = join(directory, 'kubeconfig');
  await writeFile(kubeconfig, cluster.kubeconfig());
  const base = ['--kubeconfig', kubeconfig];
  const kubectl = async (...args: string[]): Promise<Outcome> => {
    try {
      const { stdout, stderr } = await run(kubectlPath, [...base, ...args]);
      return { code: 0, stdout, stderr };
    } catch (error) {
      return outcomeOf(error);
    }
  };
  return Object.assign(kubectl, {
    withInput: (input: string, ...args: string[]) => runWithInput([...base, ...args], input),
    file: async (name: string, text: string) => {
      const path = join(directory, name);
      await writeFile(path, text);
      return path;
    },
    dispose: () => rm(directory, { recursive: true, force: true }),
  });
}

/**
 * Registers before/after hooks in the calling suite that start a one-node simulated cluster named
 * `name` and stop it; returns a kubectl bound to it, usable once the suite's tests run.
 */
export function useKubectlCluster(name: string): Kubectl {
  let simulator: Simulator | undefined;
  let bound: Kubectl | undefined;
  const current = (): Kubectl => {
    if (!bound) throw new Error(`the cluster ${name} is not started yet`);
    return bound;
  };
  before(async () => {
    simulator = await startSimulator({ clusters: [{ name, environment: 'dev', nodes: 1 }] });
    bound = await kubectlFor(simulator.cluster(name));
  });
  after(async () => {
    await bound?.dispose();
    await simulator?.close();
  });
  return Object.assign((...args: string[]) => current()(...args), {
    withInput: (input: string, ...args: string[]) => current().withInput(input, ...args),
    file: (file: string, text: string) => current().file(file, text),
    dispose: () => current().dispose(),
  });
}
