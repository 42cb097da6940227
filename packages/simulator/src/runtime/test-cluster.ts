// Test helpers for runtime tests: a started simulator, a kubeconfig on disk and kubectl runs against it.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startSimulator } from '../simulator.ts';
import type { Simulator, SimulatorOptions } from '../simulator.ts';

const run = promisify(execFile);

/** Where the tests find kubectl. */
export const kubectlPath = '/usr/bin/kubectl';

/** What a kubectl run printed, and how it exited. */
export interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A started simulator with a kubeconfig file for its first cluster. */
export interface TestCluster {
  readonly simulator: Simulator;
  readonly kubeconfig: string;
  kubectl(...args: string[]): Promise<Outcome>;
  close(): Promise<void>;
}

/** Starts `options` and writes the first cluster's kubeconfig to a temporary directory. */
export async function startTestCluster(options: SimulatorOptions): Promise<TestCluster> {
  const simulator = await startSimulator(options);
  const directory = await mkdtemp(join(tmpdir(), 'flotilla-runtime-'));
  const kubeconfig = join(directory, 'kubeconfig');
  const first = simulator.clusters[0];
  if (!first) throw new Error('the test simulator has no cluster');
  await writeFile(kubeconfig, first.kubeconfig());
  const kubectl = async (...args: string[]): Promise<Outcome> => {
    try {
      const { stdout, stderr } = await run(kubectlPath, ['--kubeconfig', kubeconfig, ...args]);
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
    }
  };
  const close = async (): Promise<void> => {
    await simulator.close();
    await rm(directory, { recursive: true, force: true });
  };
  return { simulator, kubeconfig, kubectl, close };
}

/** The name of the first pod kubectl lists in `namespace` with `selector`. */
export async function firstPod(
  cluster: TestCluster,
  namespace: string,
  selector: string,
): Promise<string> {
  const { stdout } = await cluster.kubectl(
    'get',
    'pods',
    '-n',
    namespace,
    '-l',
    selector,
    '-o',
    'name',
  );
  const name = stdout.trim().split('\n')[0]?.replace('pod/', '');
  if (!name) throw new Error(`no pod matches ${selector} in ${namespace}`);
  return name;
}
