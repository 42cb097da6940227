// Re-dials the fleet's agent over wss://, as agents reach a hub in production: the fleet's test
// agents use the hub's plain-HTTP URL, which skips the tunnel's TLS and keeps its frames masked.
import { getCACertificates, setDefaultCACertificates } from 'node:tls';
import { until, type TestFleet } from '../../test/e2e/support/fleet.ts';

// Each fleet's CA has the same name, so an earlier fleet's must not stay trusted: OpenSSL would
// pick it by name and fail the signature check of the new hub's certificate.
const systemDefault = getCACertificates('default');

/** Replaces `cluster`'s agent with one that dials the hub's HTTPS URL, trusting the test CA. */
export async function agentOverTls(fleet: TestFleet, cluster: string): Promise<void> {
  setDefaultCACertificates([...systemDefault, fleet.hubCa]);
  await fleet.agents.get(cluster)?.close();
  await until(() => fleet.hub.hub.sessions.size === 0, 'the plain-HTTP agent to leave');
  await fleet.startAgent(cluster, { hubUrl: fleet.hub.secureUrl ?? '', insecure: 'false' });
  await fleet.waitConnected(1);
}
