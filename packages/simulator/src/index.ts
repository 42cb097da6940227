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
export { manualClock, scaledClock } from './runtime/clocks.ts';
export type { ManualClock } from './runtime/clocks.ts';
export { usageModels } from './metrics/usage-spec.ts';
export type { UsageModel, UsageSpec } from './metrics/usage-spec.ts';
export type { UserSpec } from './auth/identities.ts';
// The CA helper also serves the demo, which gives the hub a certificate for its HTTPS port.
export { createCertificateAuthority } from './server/tls.ts';
export type { CertificateAuthority, KeyPairPem } from './server/tls.ts';
export type { AdmissionRecord } from './admission/admission.ts';
export type { ServiceAddress, ServicePort } from './admission/service-routes.ts';
