// The coloured tag that tells dev, qa, uat and prod apart everywhere a cluster is shown.
import type { Environment } from '@flotilla/protocol';

/** A badge naming `environment`. */
export function EnvironmentBadge({ environment }: { readonly environment: Environment }) {
  return <span className={`badge badge-${environment}`}>{environment}</span>;
}
