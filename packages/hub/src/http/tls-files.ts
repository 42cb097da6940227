// Loads the hub's TLS certificate and key named by its settings.
import { readFile } from 'node:fs/promises';
import { ConfigError } from '@flotilla/protocol';
import type { HubConfig } from '../config.ts';

export interface TlsCredentials {
  readonly cert: string;
  readonly key: string;
}

async function readPem(file: string, setting: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(
      `cannot read ${setting} ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      { cause: error },
    );
  }
}

/** The certificate and key, or undefined when HTTPS is off; refuses one without the other. */
export async function loadTls(config: HubConfig): Promise<TlsCredentials | undefined> {
  if (config.tlsCertFile === '' && config.tlsKeyFile === '') return undefined;
  if (config.tlsCertFile === '' || config.tlsKeyFile === '') {
    const [flag, env] =
      config.tlsCertFile === ''
        ? ['tls-cert-file', 'FLOTILLA_TLS_CERT_FILE']
        : ['tls-key-file', 'FLOTILLA_TLS_KEY_FILE'];
    throw new ConfigError([
      {
        flag,
        env,
        value: undefined,
        allowed: 'a file path whenever the other TLS setting is given',
      },
    ]);
  }
  return {
    cert: await readPem(config.tlsCertFile, '--tls-cert-file'),
    key: await readPem(config.tlsKeyFile, '--tls-key-file'),
  };
}
