// What a container's log lines look like, by the software its image suggests: nginx, PostgreSQL, Redis, CoreDNS or a JSON-logging app.
import { hashOf, pick, unitOf } from './hash.ts';

/** Writes one line of a log family at `time` from the line's own `key` (its identity hash). */
type LineFormat = (time: number, key: string) => string;

/** The log families the simulator knows; each image maps to one. */
export type LogFamily = 'nginx' | 'postgres' | 'redis' | 'coredns' | 'app';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const paths = ['/', '/api/orders', '/api/cart', '/healthz', '/static/app.js', '/api/users/me'];
const agents = [
  'kube-probe/1.32',
  'Mozilla/5.0 (X11; Linux x86_64)',
  'curl/8.5.0',
  'Go-http-client/1.1',
];

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function clf(time: number): string {
  const d = new Date(time);
  const day = `${pad(d.getUTCDate())}/${months[d.getUTCMonth()] ?? ''}/${d.getUTCFullYear()}`;
  return `${day}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

function nginxLine(time: number, key: string): string {
  const status = unitOf(key, 's') < 0.93 ? 200 : pick([301, 404, 499, 502], key, 'e');
  const ip = `10.244.${hashOf(key, 'a') % 8}.${2 + (hashOf(key, 'b') % 250)}`;
  const path = pick(paths, key, 'p');
  const bytes = 120 + (hashOf(key, 'n') % 9000);
  return `${ip} - - [${clf(time)}] "GET ${path} HTTP/1.1" ${status} ${bytes} "-" "${pick(agents, key, 'u')}"`;
}

function sqlTime(time: number): string {
  return new Date(time).toISOString().replace('T', ' ').replace('Z', ' UTC');
}

function postgresLine(time: number, key: string): string {
  const pid = 50 + (hashOf(key, 'pid') % 400);
  const messages = [
    `checkpoint starting: time`,
    `checkpoint complete: wrote ${hashOf(key, 'w') % 300} buffers (${(unitOf(key, 'p') * 2).toFixed(1)}%)`,
    `automatic vacuum of table "app.public.orders": index scans: 1`,
    `duration: ${(unitOf(key, 'd') * 900).toFixed(3)} ms  statement: SELECT * FROM orders WHERE id = $1`,
  ];
  return `${sqlTime(time)} [${pid}] LOG:  ${pick(messages, key, 'm')}`;
}

function redisLine(time: number, key: string): string {
  const d = new Date(time);
  const stamp = `${pad(d.getUTCDate())} ${months[d.getUTCMonth()] ?? ''} ${d.getUTCFullYear()} ${d.toISOString().slice(11, 23)}`;
  const changes = 1 + (hashOf(key, 'c') % 200);
  const messages = [
    `${changes} changes in 300 seconds. Saving...`,
    `Background saving started by pid ${20 + (hashOf(key, 'p') % 100)}`,
    `DB saved on disk`,
    `Background saving terminated with success`,
  ];
  return `1:M ${stamp} * ${pick(messages, key, 'm')}`;
}

function corednsLine(_time: number, key: string): string {
  const port = 30000 + (hashOf(key, 'port') % 30000);
  const name = pick(
    ['kubernetes.default.svc.cluster.local.', 'web.shop.svc.cluster.local.', 'api.github.com.'],
    key,
    'n',
  );
  const seconds = (unitOf(key, 'd') / 1000).toFixed(9).replace(/0+$/, '');
  return `[INFO] 10.244.0.${2 + (hashOf(key, 'ip') % 250)}:${port} - ${hashOf(key, 'id') % 65536} "A IN ${name} udp 50 false 512" NOERROR qr,aa,rd 106 ${seconds}s`;
}

function appLine(time: number, key: string): string {
  const level = unitOf(key, 'l') < 0.9 ? 'info' : pick(['warn', 'error', 'debug'], key, 'lv');
  const messages = [
    'processed job',
    'request served',
    'cache refreshed',
    'batch flushed',
    'heartbeat',
  ];
  const fields = {
    level,
    ts: new Date(time).toISOString(),
    msg: pick(messages, key, 'm'),
    durationMs: hashOf(key, 'd') % 800,
    requestId: hashOf(key, 'r').toString(16).padStart(8, '0'),
  };
  return JSON.stringify(fields);
}

const formats: Readonly<Record<LogFamily, LineFormat>> = {
  nginx: nginxLine,
  postgres: postgresLine,
  redis: redisLine,
  coredns: corednsLine,
  app: appLine,
};

const startup: Readonly<Record<LogFamily, readonly string[]>> = {
  nginx: [
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
    'nginx: [notice] start worker processes',
  ],
  postgres: ['LOG:  database system is ready to accept connections'],
  redis: ['1:M * Ready to accept connections tcp'],
  coredns: ['.:53', 'CoreDNS-1.11.3', 'linux/amd64, go1.21.11, a6338e9'],
  app: [
    '{"level":"info","msg":"starting","version":"2.4.1"}',
    '{"level":"info","msg":"listening"}',
  ],
};

/** The log family of an image, from its name (`nginx:1.27` → nginx; anything unknown → app). */
export function familyOf(image: string): LogFamily {
  const name = image.split('/').pop()?.split(':')[0] ?? '';
  const known: readonly LogFamily[] = ['nginx', 'postgres', 'redis', 'coredns'];
  return known.find((family) => name.startsWith(family)) ?? 'app';
}

/** The lines a container of `family` prints when it starts. */
export function startupLines(family: LogFamily): readonly string[] {
  return startup[family];
}

/** One steady-state line of `family` at `time`, determined by `key`. */
export function steadyLine(family: LogFamily, time: number, key: string): string {
  return formats[family](time, key);
}
