// The hub of `npm run bench tunnel-processes`, in a process of its own as in production: SQLite
// store and TLS certificate in the directory it is given, one registered cluster whose credential
// it writes for the agent. Announces itself as one JSON line; answers "sessions" with its count.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pino } from 'pino';
import { hubSettings, startHub } from '@flotilla/hub';
import { parseSettings } from '@flotilla/protocol';
import { onStop } from './stop-signal.ts';

/** What the bench process needs: the hub's HTTPS URL and the admin's token. */
export interface HubReady {
  readonly secureUrl: string;
  readonly adminToken: string;
}

const [dir = '.', cluster = 'bench-1'] = process.argv.slice(2);
const config = parseSettings(hubSettings, {
  host: '127.0.0.1',
  port: '0',
  store: `sqlite:${join(dir, 'hub.db')}`,
  logLevel: 'silent',
  tlsCertFile: join(dir, 'hub.crt'),
  tlsKeyFile: join(dir, 'hub.key'),
});
const hub = await startHub(config, pino({ level: 'silent' }), { quiet: true });
onStop(() => hub.close());
const credential = await hub.registerCluster(
  { name: cluster, environment: 'prod', labels: {} },
  'bench',
);
await writeFile(join(dir, `${cluster}.token`), credential, { mode: 0o600 });
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'sessions')
    process.stdout.write(`${JSON.stringify({ sessions: hub.hub.sessions.size })}\n`);
});
const ready: HubReady = {
  secureUrl: hub.secureUrl ?? '',
  adminToken: hub.bootstrapAdminToken ?? '',
};
process.stdout.write(`${JSON.stringify(ready)}\n`);
