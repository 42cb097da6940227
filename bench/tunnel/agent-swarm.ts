// A child process holding many light agents for `npm run bench tunnel-agents`, so the hub's process holds
// only the hub ends of the connections (and each process stays within its open-file limit).
// Reads {hubUrl, agents: [{cluster, secret}]} as one JSON line on stdin; answers "rss" with its memory.
import { createInterface } from 'node:readline';
import { pino } from 'pino';
import { TunnelClient, fullJitterBackoff } from '@flotilla/agent';

const silent = pino({ level: 'silent' });

interface SwarmOrder {
  readonly hubUrl: string;
  readonly agents: readonly { cluster: string; secret: string }[];
}

function lightAgent(hubUrl: string, cluster: string, secret: string): TunnelClient {
  return new TunnelClient({
    hubUrl,
    heartbeatIntervalMs: 10_000,
    giveUpAfterMs: 600_000,
    backoff: fullJitterBackoff(250, 5000),
    logger: silent,
    credential: () => Promise.resolve(secret),
    hello: () =>
      Promise.resolve({
        type: 'hello',
        cluster,
        agentVersion: 'bench',
        kubernetesVersion: 'v1.32.0',
        nodeCount: 1,
      }),
    handleStream: (stream) => stream.respond({ ':status': 404 }, { endStream: true }),
  });
}

let agents: TunnelClient[] = [];
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line === 'rss') {
    globalThis.gc?.();
    process.stdout.write(`${JSON.stringify({ rss: process.memoryUsage().rss })}\n`);
    return;
  }
  const order = JSON.parse(line) as SwarmOrder;
  agents = order.agents.map(({ cluster, secret }) => lightAgent(order.hubUrl, cluster, secret));
  for (const agent of agents) agent.start();
});
lines.on('close', () => {
  void Promise.all(agents.map((agent) => agent.stop())).then(() => process.exit(0));
});
