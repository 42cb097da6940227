// The bar on every signed-in page: product name, cluster switcher, sign out.
import type { ClusterSummary } from '@flotilla/protocol';
import { AppLink } from './app-link.tsx';
import { ClusterSwitcher } from './cluster-switcher.tsx';

type Props = {
  readonly clusters: readonly ClusterSummary[];
  readonly current: string | null;
  readonly onSignOut: () => void;
};

/** The page header. */
export function AppHeader({ clusters, current, onSignOut }: Props) {
  return (
    <header className="app-header">
      <AppLink href="/" className="brand">
        Flotilla
      </AppLink>
      <ClusterSwitcher clusters={clusters} current={current} />
      <button type="button" className="secondary" onClick={onSignOut}>
        Sign out
      </button>
    </header>
  );
}
