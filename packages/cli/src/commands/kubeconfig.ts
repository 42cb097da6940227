// `flotilla kubeconfig`: a kubeconfig with one context per cluster you may read, each named after
// the cluster and reaching it through the hub's Kubernetes proxy with your own token.
import { readFile, writeFile } from 'node:fs/promises';
import { Command } from '@commander-js/extra-typings';
import { addClientOptions, clientOptionsOf, resolveClient } from '../client/client-command.ts';
import { readClientConfig } from '../client/client-config.ts';
import { runCommand } from '../run-command.ts';
import { hubKubeconfig } from '../kubeconfig.ts';

/** kubectl sends tokens only over TLS: the hub serves HTTPS on its HTTP port when it has a certificate. */
function secureBase(hub: string): string {
  return hub.replace(/^http:/, 'https:').replace(/\/+$/, '');
}

/** The `kubeconfig` command. */
export function kubeconfigCommand(): Command {
  const command = new Command('kubeconfig')
    .description('Write a kubeconfig with one context per cluster you may read, through the hub')
    .option('--file <path>', 'where to write it (default: standard output)')
    .option('--server <url>', 'hub URL for kubectl (default: the hub URL, as https)')
    .option('--certificate-authority <file>', "PEM of the CA that signed the hub's certificate");
  addClientOptions(command);
  return command.action((flags, cmd) =>
    runCommand('kubeconfig', async () => {
      const options = clientOptionsOf(cmd);
      const client = await resolveClient(options);
      const saved = await readClientConfig(options.config);
      const hub = options.hub ?? saved?.hub ?? '';
      const token = options.token ?? saved?.token ?? '';
      const me = await client.request<{ name: string }>('GET', '/whoami');
      const clusters = await client.request<{ items: { name: string }[] }>('GET', '/clusters');
      const caPem =
        flags.certificateAuthority === undefined
          ? undefined
          : await readFile(flags.certificateAuthority, 'utf8');
      const names = clusters.items.map((c) => c.name);
      const yaml = hubKubeconfig(flags.server ?? secureBase(hub), names, {
        user: me.name,
        token,
        caPem,
      });
      if (flags.file === undefined) process.stdout.write(yaml);
      else await writeFile(flags.file, yaml, { mode: 0o600 });
    }),
  );
}
