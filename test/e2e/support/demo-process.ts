// Starts `flotilla demo` as a child process and reads what it prints.
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { spawnCli } from './cli.ts';

export interface DemoProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly url: string;
  readonly adminToken: string;
  readonly banner: string;
  /** Sends SIGINT (`times` in quick succession, as under `npm start`) and resolves with the exit code. */
  interrupt(times?: number): Promise<number | null>;
}

/** Waits (up to 60 s) for the banner's last line; rejects with the output if the demo exits first. */
export async function startDemo(
  cwd: string,
  args: readonly string[] = ['--port', '0'],
): Promise<DemoProcess> {
  const child = spawnCli(['demo', ...args], { cwd });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const banner = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`demo did not start:\n${stdout}\n${stderr}`)),
      60_000,
    );
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('Press Ctrl-C to stop.')) resolve(stdout);
    });
    child.once('exit', (code) =>
      reject(new Error(`demo exited ${String(code)}:\n${stdout}\n${stderr}`)),
    );
    child.once('exit', () => clearTimeout(timer));
  });
  const url = /Dashboard: +(\S+)\//.exec(banner)?.[1] ?? '';
  const adminToken = /Admin token: +(\S+)/.exec(banner)?.[1] ?? '';
  const interrupt = async (times = 1) => {
    const exited = once(child, 'exit') as Promise<[number | null]>;
    for (let i = 0; i < times; i++) child.kill('SIGINT');
    return (await exited)[0];
  };
  return { child, url, adminToken, banner, interrupt };
}
