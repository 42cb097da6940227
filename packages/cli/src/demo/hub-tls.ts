// A certificate for the demo hub's HTTPS port (kubectl sends tokens only over TLS), kept under
// the data directory so kubeconfigs written on one start stay valid on the next.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createCertificateAuthority } from '@flotilla/simulator';
import { readIfExists, writePrivate } from './demo-state.ts';

export interface HubTlsFiles {
  readonly certFile: string;
  readonly keyFile: string;
  /** PEM of the CA that signed the certificate: what kubeconfigs trust. */
  readonly caPem: string;
}

/** Reuses `<dir>/tls/*` or creates a CA and a serving certificate for `hosts`. */
export async function ensureHubTls(dir: string, hosts: readonly string[]): Promise<HubTlsFiles> {
  const paths = {
    ca: join(dir, 'tls', 'ca.crt'),
    certFile: join(dir, 'tls', 'hub.crt'),
    keyFile: join(dir, 'tls', 'hub.key'),
  };
  const existing = await readIfExists(paths.ca);
  if (existing !== undefined && (await readIfExists(paths.keyFile)) !== undefined) {
    return {
      certFile: paths.certFile,
      keyFile: paths.keyFile,
      caPem: await readFile(paths.ca, 'utf8'),
    };
  }
  const authority = await createCertificateAuthority('flotilla-demo-hub-ca');
  const serving = await authority.issueServing(hosts);
  await writePrivate(paths.ca, authority.cert);
  await writePrivate(paths.certFile, serving.cert);
  await writePrivate(paths.keyFile, serving.key);
  return { certFile: paths.certFile, keyFile: paths.keyFile, caPem: authority.cert };
}

/** Names the demo hub's certificate must carry for `host`. */
export function tlsHosts(host: string): string[] {
  const always = ['127.0.0.1', 'localhost'];
  return host === '0.0.0.0' || host === '::' || always.includes(host) ? always : [...always, host];
}
