// Gives each simulated cluster a registered record and an agent credential file, reusing both
// across restarts (the file plays the part of the Secret a real agent would mount).
import { FlotillaError, type Environment } from '@flotilla/protocol';
import type { RunningHub } from '@flotilla/hub';
import { readIfExists, writePrivate } from './demo-state.ts';

const actor = 'system:demo';

/** One cluster to enrol. */
export interface Enrolment {
  readonly name: string;
  readonly environment: Environment;
  readonly labels: Readonly<Record<string, string>>;
  readonly credentialFile: string;
}

/** Registers the cluster if new (or rotates its credential if the file was lost) and writes the file. */
export async function enrolCluster(hub: RunningHub, enrolment: Enrolment): Promise<void> {
  if ((await readIfExists(enrolment.credentialFile)) !== undefined) return;
  const secret = await hub
    .registerCluster(
      { name: enrolment.name, environment: enrolment.environment, labels: enrolment.labels },
      actor,
    )
    .catch((error: unknown) => {
      if (error instanceof FlotillaError && error.code === 'conflict')
        return hub.rotateAgentCredential(enrolment.name, actor);
      throw error;
    });
  await writePrivate(enrolment.credentialFile, secret);
}
