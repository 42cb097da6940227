// Public entry point of @flotilla/agent.
export { agentSettings, checkAgentConfig, type AgentConfig } from './config.ts';
export { startAgent, agentVersion, type RunningAgent } from './start-agent.ts';
export { TunnelClient, tunnelUrl, type TunnelState } from './tunnel/tunnel-client.ts';
export { fullJitterBackoff, type Backoff } from './tunnel/backoff.ts';
