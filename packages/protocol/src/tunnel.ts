// Control messages on the agent ↔ hub tunnel. They travel as WebSocket text frames; binary frames
// are reserved for the multiplexed request stream (docs/adr/0004-tunnel-framing.md).
import { z } from 'zod';
import { environments } from './fleet.ts';

/** Path agents dial on the hub. */
export const tunnelPath = '/api/v1/tunnel';

/** First message from the agent: who it is and what it runs on. */
export const agentHello = z.strictObject({
  type: z.literal('hello'),
  cluster: z.string().min(1).max(63),
  agentVersion: z.string().min(1).max(64),
  kubernetesVersion: z.string().max(64),
  nodeCount: z.int().min(0),
  /** Sum of the nodes' allocatable CPU and memory (absent from agents older than 0.1). */
  capacity: z.strictObject({ cpuMillicores: z.int().min(0), memoryMib: z.int().min(0) }).optional(),
});

/** What the agent's `GET /agent/v1/info` answers: its hello's facts, read afresh. */
export const agentInfo = agentHello.omit({ type: true });

/** Header carrying the agent's credential on the upgrade request. */
export const agentCredentialHeader = 'authorization';

/** The hub's answer to a valid hello. */
export const hubWelcome = z.strictObject({
  type: z.literal('welcome'),
  sessionId: z.string(),
  heartbeatIntervalMs: z.int().positive(),
  environment: z.enum(environments),
  /**
   * Present only when the agent joined with a join token: the cluster's own credential, which the
   * agent must persist and present from now on (the join token is not accepted twice).
   */
  credential: z.string().min(1).optional(),
});

/** The hub is going away (shutdown, or a newer session replaced this one); reconnect after a delay. */
export const goAway = z.strictObject({
  type: z.literal('goaway'),
  reason: z.enum(['shutdown', 'replaced']),
  reconnectAfterMs: z.int().min(0),
});

/**
 * After `welcome`, every byte on the WebSocket belongs to one HTTP/2 connection in which the hub
 * is the client and the agent the server. These path prefixes keep what a user can address
 * (anything under `kubernetesPrefix`) apart from the hub's own control requests to the agent.
 */
export const tunnelPaths = {
  kubernetesPrefix: '/k8s',
  agentPrefix: '/agent',
  goAway: '/control/goaway',
} as const;

/** Headers the hub adds to tunnelled Kubernetes requests; the agent turns them into impersonation. */
export const tunnelHeaders = {
  user: 'x-flotilla-user',
  groups: 'x-flotilla-groups',
  /** On a CONNECT stream (exec, attach, port-forward): the original method and path. */
  upgradeMethod: 'x-flotilla-upgrade-method',
  upgradePath: 'x-flotilla-upgrade-path',
  /** The client's `Upgrade` value (HTTP/2 forbids carrying `Upgrade` itself). */
  upgradeProtocol: 'x-flotilla-upgrade-protocol',
} as const;

/**
 * Request headers that never cross the tunnel: hop-by-hop ones (HTTP/2 forbids them), and the
 * client's own credentials. Identity travels only as `tunnelHeaders.user`/`groups`, set by the hub.
 */
export const unforwardedHeaders: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'host',
  'http2-settings',
  'authorization',
  'cookie',
]);

/** Liveness uses WebSocket ping/pong frames (RFC 6455), answered by the ws library itself. */
export const agentMessage = z.discriminatedUnion('type', [agentHello]);
export const hubMessage = z.discriminatedUnion('type', [hubWelcome, goAway]);

export type AgentHello = z.infer<typeof agentHello>;
export type HubWelcome = z.infer<typeof hubWelcome>;
export type AgentMessage = z.infer<typeof agentMessage>;
export type HubMessage = z.infer<typeof hubMessage>;

/** Close codes the hub uses, so the agent can tell "fix your config" from "try again". */
export const tunnelCloseCodes = {
  protocolError: 4400,
  unauthenticated: 4401,
  forbidden: 4403,
  replaced: 4409,
  shuttingDown: 4503,
} as const;

/** Parses one text frame into a typed message, or returns undefined for anything malformed. */
export function parseFrame<T>(schema: z.ZodType<T>, text: string): T | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
