// Public entry point of @flotilla/simulator: simulated Kubernetes clusters for tests, demos and benchmarks.
export { startSimulator } from './simulator.ts';
export type { SimulatedCluster, Simulator, SimulatorOptions } from './simulator.ts';
export type {
  ClusterSpec,
  NodeCapacity,
  Resources,
  WorkloadSpec,
  WorkloadTier,
} from './cluster-spec.ts';
export { clusterSpecSchema, workloadTiers } from './cluster-spec.ts';
export { demoFleet } from './demo-fleet.ts';
export { loadScenario, ScenarioError } from './scenario.ts';
export type { Clock } from './clock.ts';
export type { UserSpec } from './auth/identities.ts';
