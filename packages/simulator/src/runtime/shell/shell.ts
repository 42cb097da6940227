// Runs a command line inside a simulated container: built-in commands and `sh -c` scripts, never anything on the host.
import { commands } from './commands.ts';
import type { ProcessIo } from './process-io.ts';
import { tokenize } from './tokenize.ts';

const shells = new Set(['sh', 'bash', 'ash', '/bin/sh', '/bin/bash', '/bin/ash']);

/** A shell `exit`: unwinds the script, carrying its code. */
class ExitRequest extends Error {
  readonly code: number;
  constructor(code: number) {
    super(`exit ${code}`);
    this.code = code;
  }
}

function baseName(path: string): string {
  return path.split('/').pop() ?? path;
}

async function runWords(
  words: readonly string[],
  io: ProcessIo,
  inShell: boolean,
): Promise<number> {
  const [name = '', ...args] = words;
  if (name === 'exit') throw new ExitRequest(Number(args[0] ?? 0) & 255);
  if (shells.has(name)) return runShell(args, io);
  const command = commands[baseName(name)];
  if (command) return command(args, io);
  if (inShell) io.stderr(`sh: 1: ${name}: not found\n`);
  else {
    io.stderr(
      `OCI runtime exec failed: exec failed: unable to start container process: exec: "${name}": executable file not found in $PATH: unknown\n`,
    );
  }
  return 127;
}

async function runScript(script: string, io: ProcessIo): Promise<number> {
  let status = 0;
  const lookup = (name: string): string => (name === '?' ? String(status) : (io.env[name] ?? ''));
  try {
    for (const { joiner, words } of tokenize(script, lookup)) {
      if ((joiner === '&&' && status !== 0) || (joiner === '||' && status === 0)) continue;
      status = await runWords(words, io, true);
    }
  } catch (error) {
    if (error instanceof ExitRequest) return error.code;
    throw error;
  }
  return status;
}

/** `sh -c script` runs the script; a bare `sh` runs each line it reads on stdin. */
async function runShell(args: readonly string[], io: ProcessIo): Promise<number> {
  const at = args.indexOf('-c');
  if (at !== -1) return runScript(args[at + 1] ?? '', io);
  let pending = '';
  let status = 0;
  for (let chunk = await io.stdin.read(); chunk; chunk = await io.stdin.read()) {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) status = await runScript(line, io);
  }
  return pending ? runScript(pending, io) : status;
}

/** Runs `argv` as the container runtime would exec it; resolves with the exit code. */
export async function execute(argv: readonly string[], io: ProcessIo): Promise<number> {
  if (argv.length === 0) {
    io.stderr('OCI runtime exec failed: exec failed: no command given: unknown\n');
    return 126;
  }
  try {
    return await runWords(argv, io, false);
  } catch (error) {
    if (error instanceof ExitRequest) return error.code;
    throw error;
  }
}
