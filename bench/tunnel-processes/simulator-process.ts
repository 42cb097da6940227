// The simulated API server of `npm run bench tunnel-processes`, in a process of its own as a
// kube-apiserver would be: one cluster (quiet, or holding the big list's pods) with the hub's role bindings, announced as one JSON line.
import { pino } from 'pino';
import { startSimulator } from '@flotilla/simulator';
import { createObjects, hubRoleBindings } from 'flotilla';
import { largeListCluster } from '../tunnel/seed.ts';
import { onStop } from './stop-signal.ts';

/** What the bench process needs to reach the cluster directly and to point the agent at it. */
export interface SimulatorReady {
  readonly url: string;
  readonly token: string;
  readonly ca: string;
  readonly kubeconfig: string;
}

/** A quiet cluster of 3 nodes, or one running the 3,400 pods of the big list. */
export type ClusterContent = 'empty' | 'pods';

const cluster = process.argv[2] ?? 'bench-1';
const content = (process.argv[3] ?? 'empty') as ClusterContent;
const spec =
  content === 'pods'
    ? largeListCluster(cluster)
    : { name: cluster, environment: 'prod' as const, nodes: 3 };
const simulator = await startSimulator({
  clusters: [spec],
  logger: pino({ level: 'silent' }),
});
onStop(() => simulator.close());
const sim = simulator.cluster(cluster);
await createObjects(sim.kubeconfig(), hubRoleBindings());
const ready: SimulatorReady = {
  url: sim.url,
  token: sim.token,
  ca: sim.caCertificate ?? '',
  kubeconfig: sim.kubeconfig(),
};
process.stdout.write(`${JSON.stringify(ready)}\n`);
