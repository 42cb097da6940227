// Everything behind sign-in: the header, the fleet poll, and the page the URL names.
import type { ClusterSummary } from '@flotilla/protocol';
import { AppHeader } from './components/app-header.tsx';
import { AppLink } from './components/app-link.tsx';
import { ClusterPage } from './features/cluster/cluster-page.tsx';
import { FleetOverview } from './features/fleet/fleet-overview.tsx';
import { FleetStatus } from './features/fleet/fleet-status.tsx';
import { useClusters } from './features/fleet/use-clusters.ts';
import type { Route } from './routing/route.ts';
import { useRoute } from './routing/use-route.ts';

type Props = {
  readonly token: string;
  readonly onSignOut: () => void;
  readonly onUnauthenticated: (message: string) => void;
};

function Page({ route, clusters }: { route: Route; clusters: readonly ClusterSummary[] | null }) {
  switch (route.kind) {
    case 'fleet':
      return <FleetOverview clusters={clusters} />;
    case 'cluster':
      return <ClusterPage name={route.cluster} clusters={clusters} />;
    case 'not-found':
      return (
        <>
          <h1>Page not found</h1>
          <p>
            Nothing lives at this address. <AppLink href="/">Go to the fleet overview</AppLink>.
          </p>
        </>
      );
  }
}

/** The signed-in dashboard for `token`. */
export function SignedInApp({ token, onSignOut, onUnauthenticated }: Props) {
  const route = useRoute();
  const fleet = useClusters(token, onUnauthenticated);
  const current = route.kind === 'cluster' ? route.cluster : null;
  return (
    <>
      <AppHeader clusters={fleet.clusters ?? []} current={current} onSignOut={onSignOut} />
      <main>
        <FleetStatus state={fleet} />
        <Page route={route} clusters={fleet.clusters} />
      </main>
    </>
  );
}
