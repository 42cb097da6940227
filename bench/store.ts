// Store benchmark: 10,000 clusters and 1,000 users on SQLite (a file, WAL) and PostgreSQL (a real
// server started here); list and get latency, and what authenticating a request costs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { migrate, openDatabase, type Db } from '../packages/hub/src/store/store.ts';
import { startTestPostgres } from '../packages/hub/src/store/test-postgres.ts';
import { findCluster, listClusters } from '../packages/hub/src/clusters/registry.ts';
import { createAuthenticator } from '../packages/hub/src/access/authenticate.ts';
import { issueCredential } from '../packages/hub/src/access/credentials.ts';
import { can, clusterResource } from '../packages/hub/src/access/can.ts';
import { hashSecret, newSecret } from '../packages/hub/src/access/tokens.ts';

const clusterCount = 10_000;
const userCount = 1_000;
const environments = ['dev', 'qa', 'uat', 'prod'] as const;
const now = new Date('2026-11-21T12:00:00.000Z');

/** Latencies of `op` over at most `count` runs or `budgetMs`, whichever ends first. */
async function measure(op: (i: number) => Promise<unknown>, count: number, budgetMs = 10_000) {
  for (let i = 0; i < Math.min(20, count); i++) await op(i); // warm caches and plans
  const samples: number[] = [];
  const deadline = performance.now() + budgetMs;
  for (let i = 0; i < count && performance.now() < deadline; i++) {
    const start = performance.now();
    await op(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { n: samples.length, p50: at(0.5), p99: at(0.99) };
}

async function seedClusters(db: Db): Promise<void> {
  const rows = Array.from({ length: clusterCount }, (_, i) => ({
    name: `cluster-${String(i).padStart(5, '0')}`,
    environment: environments[i % 4] ?? 'dev',
    labels: JSON.stringify({ region: `r-${i % 7}`, team: `t-${i % 13}` }),
    created_at: now.toISOString(),
    decommissioned_at: null,
    kubernetes_version: 'v1.33.0',
    node_count: 3,
    agent_version: '0.1.0',
    first_seen_at: now.toISOString(),
    last_seen_at: now.toISOString(),
  }));
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('clusters')
      .values(rows.slice(i, i + 500))
      .execute();
}

/** 1,000 users, each with a scoped viewer binding and an API token; returns one token per user. */
async function seedUsers(db: Db): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < userCount; i += 100) {
    const batch = Array.from({ length: 100 }, (_, j) => `user-${String(i + j)}`);
    const secrets = batch.map(() => newSecret('user'));
    tokens.push(...secrets);
    await db
      .insertInto('users')
      .values(
        batch.map((name) => ({
          name,
          kind: 'user' as const,
          created_at: now.toISOString(),
          disabled_at: null,
        })),
      )
      .execute();
    await db
      .insertInto('role_bindings')
      .values(
        batch.map((name, j) => ({
          id: `rb-${name}`,
          role: 'viewer',
          subject_kind: 'user' as const,
          subject_name: name,
          scope_kind: 'environments' as const,
          scope_values: JSON.stringify([environments[j % 4]]),
          created_at: now.toISOString(),
        })),
      )
      .execute();
    await db
      .insertInto('credentials')
      .values(
        batch.map((name, j) => ({
          id: `cred-${name}`,
          kind: 'user' as const,
          subject: name,
          token_hash: hashSecret(secrets[j] ?? ''),
          created_at: now.toISOString(),
          expires_at: null,
          revoked_at: null,
          last_used_at: null,
        })),
      )
      .execute();
  }
  await issueCredential(db, 'agent', 'cluster-00000', now);
  return tokens;
}

type Row = [string, string, { n: number; p50: number; p99: number }];

async function benchEngine(engine: string, db: Db): Promise<Row[]> {
  await migrate(db, pino({ level: 'silent' }));
  await seedClusters(db);
  const tokens = await seedUsers(db);
  const auth = createAuthenticator({ db, now: () => now });
  const name = (i: number) => `cluster-${String((i * 7919) % clusterCount).padStart(5, '0')}`;
  const subject = await auth.authenticate(`Bearer ${tokens[0] ?? ''}`);
  const row = (await findCluster(db, 'cluster-00001'))!;
  return [
    [engine, `list all ${clusterCount} clusters`, await measure(() => listClusters(db), 200)],
    [engine, 'get one cluster by name', await measure((i) => findCluster(db, name(i)), 5000)],
    [
      engine,
      'authenticate an API token (hash, credential, user, grants)',
      await measure((i) => auth.authenticate(`Bearer ${tokens[i % userCount] ?? ''}`), 5000),
    ],
    [
      engine,
      'can() on a cluster (pure, grants loaded)',
      await measure(
        () =>
          Promise.resolve(can(subject, { kind: 'kubernetes', verb: 'get' }, clusterResource(row))),
        5000,
      ),
    ],
  ];
}

const ms = (value: number) => (value < 0.01 ? value.toFixed(4) : value.toFixed(3));

function report(rows: Row[]): string {
  const lines = rows.map(
    ([engine, op, r]) => `| ${engine} | ${op} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.n} |`,
  );
  return [
    'Command: `npm run bench store`. Store seeded with 10,000 clusters and 1,000 users (each with a',
    'scoped viewer binding and an API token). SQLite is a file in WAL mode; PostgreSQL 15 is a local',
    'server started by the benchmark (fsync off, as in the tests), reached over TCP on 127.0.0.1.',
    'Latencies in milliseconds, sequential (one request at a time).',
    '',
    '| engine | operation | p50 ms | p99 ms | samples |',
    '| ------ | --------- | -----: | -----: | ------: |',
    ...lines,
    '',
  ].join('\n');
}

/** Runs the store benchmark on both engines and returns the Markdown report. */
export async function run(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'flotilla-bench-'));
  const postgres = await startTestPostgres();
  const sqlite = openDatabase(`sqlite:${join(dir, 'hub.db')}`);
  const pg = openDatabase(await postgres.createDatabase('bench'));
  try {
    return report([
      ...(await benchEngine('sqlite', sqlite)),
      ...(await benchEngine('postgres', pg)),
    ]);
  } finally {
    await sqlite.destroy();
    await pg.destroy();
    await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
