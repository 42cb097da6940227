// The commands a simulated container has: cat, echo, env, hostname, ls, sleep and a few more, all pretend.
import { fileContent, listing } from './files.ts';
import { waitUntil } from './process-io.ts';
import type { ProcessIo } from './process-io.ts';

/** A command: its arguments (without its own name) in, its exit code out. */
export type Command = (args: readonly string[], io: ProcessIo) => Promise<number> | number;

async function cat(args: readonly string[], io: ProcessIo): Promise<number> {
  const files = args.filter((arg) => !arg.startsWith('-') || arg === '-');
  if (files.length === 0 || files.includes('-')) {
    for (let chunk = await io.stdin.read(); chunk; chunk = await io.stdin.read()) io.stdout(chunk);
    return 0;
  }
  let code = 0;
  for (const file of files) {
    const content = fileContent(file, io);
    if (content === undefined) {
      io.stderr(`cat: ${file}: No such file or directory\n`);
      code = 1;
    } else io.stdout(content);
  }
  return code;
}

function echo(args: readonly string[], io: ProcessIo): number {
  const isBare = args[0] === '-n';
  const words = isBare ? args.slice(1) : args;
  io.stdout(`${words.join(' ')}${isBare ? '' : '\n'}`);
  return 0;
}

function env(args: readonly string[], io: ProcessIo): number {
  const name = args[0];
  if (name !== undefined) {
    const value = io.env[name];
    if (value === undefined) return 1;
    io.stdout(`${value}\n`);
    return 0;
  }
  io.stdout(
    Object.entries(io.env)
      .map(([key, value]) => `${key}=${value}\n`)
      .join(''),
  );
  return 0;
}

function ls(args: readonly string[], io: ProcessIo): number {
  const paths = args.filter((arg) => !arg.startsWith('-'));
  const path = paths[0] ?? '/';
  const entries = listing(path);
  if (entries !== undefined) {
    io.stdout(entries.length > 0 ? `${entries.join('\n')}\n` : '');
    return 0;
  }
  if (fileContent(path, io) !== undefined) {
    io.stdout(`${path}\n`);
    return 0;
  }
  io.stderr(`ls: cannot access '${path}': No such file or directory\n`);
  return 2;
}

async function sleep(args: readonly string[], io: ProcessIo): Promise<number> {
  const seconds = Number((args[0] ?? '').replace(/s$/, ''));
  if (!Number.isFinite(seconds) || seconds < 0) {
    io.stderr(`sleep: invalid time interval '${args[0] ?? ''}'\n`);
    return 1;
  }
  await waitUntil(io.clock, io.clock.now() + seconds * 1000, io.pollMs, io.signal);
  return 0;
}

function printer(text: (io: ProcessIo) => string): Command {
  return (_args, io) => {
    io.stdout(`${text(io)}\n`);
    return 0;
  };
}

/** Every command a container has, by name. */
export const commands: Readonly<Record<string, Command>> = {
  cat,
  echo,
  env,
  printenv: env,
  ls,
  sleep,
  hostname: printer((io) => io.hostname),
  pwd: printer(() => '/'),
  whoami: printer(() => 'root'),
  id: printer(() => 'uid=0(root) gid=0(root) groups=0(root)'),
  uname: (args, io) => {
    const isAll = args.includes('-a');
    io.stdout(isAll ? `Linux ${io.hostname} 6.1.0-flotilla #1 SMP x86_64 GNU/Linux\n` : 'Linux\n');
    return 0;
  },
  date: printer((io) => new Date(io.clock.now()).toUTCString().replace('GMT', 'UTC')),
  true: () => 0,
  false: () => 1,
};
