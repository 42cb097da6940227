// Child processes of `npm run bench tunnel-processes`: started with this Node, answering on stdout
// in JSON lines, stopped gracefully (so `--cpu-prof` gets written) and killed if they linger.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createInterface, type Interface } from 'node:readline';

/** A started child and the lines it prints. */
export interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  /** The next JSON line the child prints, within `timeoutMs`. */
  next<T>(timeoutMs?: number): Promise<T>;
  /** Writes one line to the child's stdin. */
  send(line: string): void;
}

/** Extra Node flags for every child, e.g. `--cpu-prof` when FLOTILLA_BENCH_CPU_PROF names a dir. */
export function nodeFlags(name: string): string[] {
  const dir = process.env.FLOTILLA_BENCH_CPU_PROF;
  if (dir === undefined || dir === '') return [];
  return ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}.cpuprofile`];
}

// Lines are queued as they arrive, so one printed before anyone asks is not lost.
function lineQueue(lines: Interface, name: string) {
  const queued: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => {
    const waiter = waiting.shift();
    if (waiter === undefined) queued.push(line);
    else waiter(line);
  });
  return (timeoutMs: number) =>
    new Promise<string>((resolve, reject) => {
      const line = queued.shift();
      if (line !== undefined) return resolve(line);
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(onLine), 1);
        reject(new Error(`${name} did not answer within ${String(timeoutMs)} ms`));
      }, timeoutMs);
      const onLine = (next: string) => {
        clearTimeout(timer);
        resolve(next);
      };
      waiting.push(onLine);
    });
}

/** Starts `args` under this Node; stderr is shared so a failing child says why. */
export function startChild(name: string, args: string[], env: NodeJS.ProcessEnv = {}): Child {
  const child = spawn(process.execPath, [...nodeFlags(name), ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const nextLine = lineQueue(createInterface({ input: child.stdout }), name);
  return {
    name,
    process: child,
    next: async <T>(timeoutMs = 60_000) => JSON.parse(await nextLine(timeoutMs)) as T,
    send: (line) => child.stdin.write(`${line}\n`),
  };
}

/** Asks a child to stop (stdin closed, then SIGTERM) and kills it after `graceMs`. */
export async function stopChild(child: Child, graceMs = 10_000): Promise<void> {
  const proc = child.process;
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = once(proc, 'exit');
  proc.stdin?.end();
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

// Linux's /proc/<pid>/stat counts CPU in clock ticks of 10 ms (USER_HZ = 100).
const msPerTick = 10;

/** CPU milliseconds (user + system) a child has used so far; NaN where /proc is missing. */
export function cpuMsOf(child: Child): number {
  try {
    const stat = readFileSync(`/proc/${String(child.process.pid)}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * msPerTick;
  } catch {
    return Number.NaN;
  }
}
