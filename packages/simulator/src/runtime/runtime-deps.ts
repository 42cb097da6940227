// What the pod runtime (logs, exec, attach, port-forward) needs from its cluster.
import type { Logger } from 'pino';
import type { Registry } from '../api/registry.ts';
import type { Clock } from '../clock.ts';

/** The cluster facts and tuning the runtime works from. */
export interface RuntimeDeps {
  readonly registry: Registry;
  readonly clock: Clock;
  /** The simulator's seed: log lines and usage derive from it. */
  readonly seed: number;
  readonly logger: Logger;
  /** Real milliseconds between checks of the clock while following logs or sleeping (default 100). */
  readonly pollMs?: number;
  /** Real milliseconds between the kubelet's checks of memory against limits (default 500). */
  readonly kubeletTickMs?: number;
}
