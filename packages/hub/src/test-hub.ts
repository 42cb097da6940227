// A hub on an in-memory store and a free loopback port, for tests.
import { pino } from 'pino';
import { parseSettings } from '@flotilla/protocol';
import { hubSettings } from './config.ts';
import { startHub, type RunningHub } from './start-hub.ts';

/** Starts a hub with test-friendly settings; `overrides` are setting texts by key. */
export async function startTestHub(
  overrides: Record<string, string> = {},
): Promise<RunningHub & { adminToken: string }> {
  const config = parseSettings(hubSettings, {
    port: '0',
    store: 'sqlite::memory:',
    logLevel: 'silent',
    heartbeatInterval: '200ms',
    ...overrides,
  });
  const hub = await startHub(config, pino({ level: 'silent' }), { quiet: true });
  if (hub.bootstrapAdminToken === undefined) throw new Error('fresh store must bootstrap an admin');
  return { ...hub, adminToken: hub.bootstrapAdminToken };
}
