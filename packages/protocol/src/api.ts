// Shapes of the hub's REST API that both the hub and its clients (CLI, dashboard) rely on.
import { z } from 'zod';
import { environments } from './fleet.ts';

/** Prefix of every REST route. */
export const apiPrefix = '/api/v1';

/** One cluster as the hub's registry and the live tunnel see it. */
export const clusterSummary = z.strictObject({
  name: z.string(),
  environment: z.enum(environments),
  labels: z.record(z.string(), z.string()),
  isConnected: z.boolean(),
  lastSeenAt: z.string().nullable(),
  kubernetesVersion: z.string().nullable(),
  nodeCount: z.int().nullable(),
  /** Allocatable CPU (millicores) and memory (MiB) summed over the cluster's nodes. */
  capacity: z.strictObject({ cpuMillicores: z.int(), memoryMib: z.int() }).nullable(),
  agentVersion: z.string().nullable(),
});
export type ClusterSummary = z.infer<typeof clusterSummary>;

/** `GET /api/v1/clusters`. */
export const clusterList = z.strictObject({ items: z.array(clusterSummary) });
export type ClusterList = z.infer<typeof clusterList>;
