// A real, throwaway PostgreSQL server for tests and benchmarks: initdb into a temporary directory,
// listen on a free loopback port with its socket in that directory, and remove it all on stop.
import { execFile } from 'node:child_process';
import { chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** A running test server; `createDatabase` gives each suite a fresh, empty database. */
export interface TestPostgres {
  readonly url: string;
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** The newest Debian PostgreSQL install's bin directory (the `postgresql` package). */
async function binDir(): Promise<string> {
  const root = '/usr/lib/postgresql';
  const versions = await readdir(root).catch(() => [] as string[]);
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (newest === undefined) throw new Error(`PostgreSQL is not installed (no ${root}/*/bin)`);
  return join(root, newest, 'bin');
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** PostgreSQL refuses to run as root, so as root we run it as the `postgres` user. */
async function asServerUser(dir: string): Promise<(cmd: string, args: string[]) => Promise<void>> {
  if (process.getuid?.() !== 0) return async (cmd, args) => void (await run(cmd, args));
  const { stdout } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  await chown(dir, Number(stdout.trim()), Number(gid.trim()));
  return async (cmd, args) => void (await run('runuser', ['-u', 'postgres', '--', cmd, ...args]));
}

/** Starts a server; call `stop()` when done (it also deletes the data directory). */
export async function startTestPostgres(): Promise<TestPostgres> {
  const bin = await binDir();
  const dir = await mkdtemp(join(tmpdir(), 'flotilla-pg-'));
  const exec = await asServerUser(dir);
  const data = join(dir, 'data');
  await exec(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'flotilla', '-E', 'UTF8']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const pgCtl = join(bin, 'pg_ctl');
  await exec(pgCtl, ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start']);
  const url = `postgres://flotilla@127.0.0.1:${port}/postgres`;
  return {
    url,
    createDatabase: (name) => createDatabase(url, name),
    stop: async () => {
      await exec(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function createDatabase(url: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return url.replace(/\/postgres$/, `/${name}`);
}
