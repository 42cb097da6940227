// The agent's settings, read once at start into a frozen, typed config.
import {
  booleanSetting,
  choiceSetting,
  durationSetting,
  integerSetting,
  logLevels,
  optionalTextSetting,
  textSetting,
  urlSetting,
  clusterNamePattern,
  type ConfigOf,
  type SettingProblem,
} from '@flotilla/protocol';

/** Every setting `flotilla agent` takes. */
export const agentSettings = {
  hubUrl: urlSetting({
    description: 'Hub base URL the agent dials (wss:// or https://; ws:// only with --insecure)',
    schemes: ['https', 'wss', 'http', 'ws'],
  }),
  cluster: textSetting({
    description: 'Name of the cluster this agent serves',
    allowed: 'a DNS-1123 label (lowercase letters, digits, -; at most 63)',
    pattern: clusterNamePattern,
  }),
  credentialStore: choiceSetting({
    description:
      'Where the per-cluster credential is kept: a file (--credential-file) or a Secret in the cluster (--credential-secret)',
    choices: ['file', 'secret'],
    defaultText: 'file',
  }),
  credentialFile: optionalTextSetting({
    description:
      'File holding the per-cluster credential issued by the hub (--credential-store file)',
    allowed: 'a file path; required with --credential-store file',
  }),
  credentialSecret: textSetting({
    description:
      'Secret holding the credential (--credential-store secret), in --credential-namespace; the agent creates it when it joins',
    allowed: 'a DNS-1123 subdomain',
    pattern: /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/,
    defaultText: 'flotilla-agent-credential',
  }),
  credentialNamespace: textSetting({
    description: 'Namespace of --credential-secret (the agent’s own)',
    allowed: 'a DNS-1123 label',
    pattern: /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/,
    defaultText: 'flotilla-system',
  }),
  joinTokenFile: optionalTextSetting({
    description:
      'File holding a join token, used once while the credential store is still empty; the credential the hub answers is stored',
    allowed: 'a file path, or empty',
  }),
  kubeconfig: optionalTextSetting({
    description: 'Kubeconfig for the local API server (empty: in-cluster service account)',
    allowed: 'a file path, or empty',
  }),
  insecure: booleanSetting({
    description: 'Allow a plain ws:// or http:// hub URL (tests and demos only)',
    defaultText: 'false',
  }),
  heartbeatInterval: durationSetting({
    description: 'How often the agent pings the hub; three missed pongs drop the tunnel',
    minMs: 100,
    maxMs: 300_000,
    defaultText: '10s',
  }),
  reconnectMaxDelay: durationSetting({
    description: 'Upper bound of the jittered reconnect backoff',
    minMs: 100,
    maxMs: 600_000,
    defaultText: '30s',
  }),
  giveUpAfter: durationSetting({
    description: 'Exit (for the supervisor to restart us) after the tunnel has been down this long',
    minMs: 1000,
    maxMs: 86_400_000,
    defaultText: '10m',
  }),
  health: booleanSetting({
    description: 'Serve /healthz, /readyz and /metrics',
    defaultText: 'true',
  }),
  healthHost: textSetting({
    description: 'Address for the health and metrics endpoints',
    defaultText: '0.0.0.0',
  }),
  healthPort: integerSetting({
    description: 'Port for the health and metrics endpoints',
    min: 0,
    max: 65535,
    defaultText: '8081',
  }),
  logLevel: choiceSetting({
    description: 'Least severe log level written',
    choices: logLevels,
    defaultText: 'info',
  }),
} as const;

export type AgentConfig = ConfigOf<typeof agentSettings>;

/**
 * Settings that cannot be judged one at a time: a plain-text hub URL needs `insecure`, and the
 * file store needs its file.
 */
export function checkAgentConfig(config: AgentConfig): SettingProblem | undefined {
  if (config.credentialStore === 'file' && config.credentialFile === '') {
    return {
      flag: 'credential-file',
      env: 'FLOTILLA_CREDENTIAL_FILE',
      value: '',
      allowed: 'a file path when --credential-store (FLOTILLA_CREDENTIAL_STORE) is file',
    };
  }
  if (!/^(ws|http):/.test(config.hubUrl) || config.insecure) return undefined;
  return {
    flag: 'hub-url',
    env: 'FLOTILLA_HUB_URL',
    value: config.hubUrl,
    allowed: 'a wss:// or https:// URL unless --insecure (FLOTILLA_INSECURE) is true',
  };
}
