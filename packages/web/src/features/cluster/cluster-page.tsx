// The page of one cluster at `/clusters/<name>`: its details; workloads arrive with right-sizing.
import type { ClusterSummary } from '@flotilla/protocol';
import { AppLink } from '../../components/app-link.tsx';
import { ClusterDetails } from './cluster-details.tsx';

type Props = {
  readonly name: string;
  /** The fleet as last polled, or null while the first poll is under way. */
  readonly clusters: readonly ClusterSummary[] | null;
};

function Body({ name, clusters }: Props) {
  if (clusters === null) return null;
  const cluster = clusters.find((candidate) => candidate.name === name);
  if (cluster === undefined) {
    return (
      <p role="alert">
        There is no cluster named “{name}” in the fleet, or this token may not see it.
      </p>
    );
  }
  return (
    <>
      <ClusterDetails cluster={cluster} />
      <section aria-labelledby="workloads-heading">
        <h2 id="workloads-heading">Workloads</h2>
        <p className="muted">
          Workloads appear here once right-sizing lands. Until then, use kubectl through the hub
          with the context named “{name}”.
        </p>
      </section>
    </>
  );
}

/** One cluster's page. */
export function ClusterPage({ name, clusters }: Props) {
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <AppLink href="/">Fleet overview</AppLink> / <span aria-current="page">{name}</span>
      </nav>
      <h1>Cluster {name}</h1>
      <Body name={name} clusters={clusters} />
    </>
  );
}
