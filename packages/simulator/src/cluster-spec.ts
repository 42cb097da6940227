// What a simulated cluster is made of: its identity, nodes and seeded workloads, with the zod schema that checks it.
import { environments, isClusterName } from '@flotilla/protocol';
import type { Environment } from '@flotilla/protocol';
import { z } from 'zod';
import { usageSpecSchema } from './metrics/usage-spec.ts';
import type { UsageSpec } from './metrics/usage-spec.ts';

/** The kinds of workload a scenario can seed; each gets a fitting image, port and size. */
export const workloadTiers = ['web', 'worker', 'database', 'cache', 'batch'] as const;
export type WorkloadTier = (typeof workloadTiers)[number];

/** CPU and memory quantities, in Kubernetes notation (`250m`, `512Mi`). */
export interface Resources {
  cpu?: string;
  memory?: string;
}

/** One seeded workload: a Deployment (and a Service when it has a port). */
export interface WorkloadSpec {
  name: string;
  namespace: string;
  tier?: WorkloadTier;
  replicas?: number;
  image?: string;
  containerPort?: number;
  requests?: Resources;
  limits?: Resources;
  labels?: Record<string, string>;
  /** How its containers use CPU and memory over time (default: a model fitting the tier). */
  usage?: UsageSpec;
}

/** The size of every node of a cluster. */
export interface NodeCapacity {
  cpu: string;
  memory: string;
  pods?: number;
}

/** One simulated cluster. */
export interface ClusterSpec {
  name: string;
  environment: Environment;
  labels?: Record<string, string>;
  /** Worker nodes (default 3). */
  nodes?: number;
  nodeCapacity?: NodeCapacity;
  /** Without the leading `v` (default `1.32.0`). */
  kubernetesVersion?: string;
  /** Namespaces to create besides those the workloads name. */
  namespaces?: string[];
  workloads?: WorkloadSpec[];
}

const dnsLabel = z
  .string()
  .regex(
    /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
    'must be a DNS-1123 label (lower case letters, digits, -)',
  )
  .max(63);
const quantity = z
  .string()
  .regex(
    /^\d+(\.\d+)?(m|Ki|Mi|Gi|Ti|k|M|G|T)?$/,
    'must be a Kubernetes quantity such as 250m or 512Mi',
  );
const resources = z.strictObject({ cpu: quantity.optional(), memory: quantity.optional() });
const labels = z.record(z.string(), z.string());

const workloadSchema = z.strictObject({
  name: dnsLabel,
  namespace: dnsLabel,
  tier: z.enum(workloadTiers).optional(),
  replicas: z.int().min(0).max(1000).optional(),
  image: z.string().min(1).optional(),
  containerPort: z.int().min(1).max(65535).optional(),
  requests: resources.optional(),
  limits: resources.optional(),
  labels: labels.optional(),
  usage: usageSpecSchema.optional(),
});

/** The schema of one cluster spec; scenario files are checked with it. */
export const clusterSpecSchema = z.strictObject({
  name: z
    .string()
    .refine(isClusterName, 'must be a DNS-1123 label (lower case letters, digits, -)'),
  environment: z.enum(environments),
  labels: labels.optional(),
  nodes: z.int().min(1).max(5000).optional(),
  nodeCapacity: z
    .strictObject({ cpu: quantity, memory: quantity, pods: z.int().min(1).optional() })
    .optional(),
  kubernetesVersion: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/, 'must look like 1.32.0')
    .optional(),
  namespaces: z.array(dnsLabel).optional(),
  workloads: z.array(workloadSchema).optional(),
}) satisfies z.ZodType<ClusterSpec>;
