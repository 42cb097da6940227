// What the demo tells the person who started it.
import { relative } from 'node:path';
import type { RunningDemo } from './run-demo.ts';

/** Waits until every simulated cluster's agent holds a tunnel, or `timeoutMs` passes. */
export async function waitForAgents(demo: RunningDemo, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  const expected = demo.simulator.clusters.length;
  while (demo.hub.hub.sessions.size < expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return demo.hub.hub.sessions.size;
}

/** The lines printed once the demo is up. */
export function banner(demo: RunningDemo, connected: number): string {
  const show = (path: string) => relative(process.cwd(), path) || path;
  const clusters = demo.simulator.clusters.map((c) => c.name).join(', ');
  const token = demo.adminToken ?? `(unknown: delete ${show(demo.paths.store)} to start afresh)`;
  const signIn =
    demo.adminToken === undefined
      ? ''
      : `  Sign in:     ${demo.hubUrl}/#token=${demo.adminToken}\n`;
  return (
    `Flotilla demo is running.\n` +
    `  Dashboard:   ${demo.hubUrl}/\n` +
    signIn +
    `  Admin token: ${token}  (saved in ${show(demo.paths.adminToken)})\n` +
    `  Kubeconfig:  ${show(demo.paths.kubeconfig)}  (contexts: ${clusters})\n` +
    `  Agents:      ${connected} of ${demo.simulator.clusters.length} connected through the tunnel\n` +
    `  Log:         ${show(demo.paths.log)}\n` +
    `Press Ctrl-C to stop.\n`
  );
}
