// How a container uses CPU and memory over time: the model names, the spec a scenario writes, and its schema.
import { z } from 'zod';

/** The usage models a container can follow. */
export const usageModels = ['steady', 'diurnal', 'bursty', 'leak', 'jvm', 'idle', 'batch'] as const;
export type UsageModel = (typeof usageModels)[number];

/** A container's usage: its model and typical levels, in Kubernetes quantities. */
export interface UsageSpec {
  model: UsageModel;
  /** Typical CPU (default: 60% of the request, or 50m). */
  cpu?: string;
  /** Typical memory (default: 70% of the request, or 64Mi). */
  memory?: string;
  /** Memory added per hour of uptime, for `leak` (default: the typical memory per hour). */
  growthPerHour?: string;
}

/** The pod annotation that carries a usage spec (JSON), set from a workload's `usage`. */
export const usageAnnotation = 'sim.flotilla.dev/usage';

const quantity = z
  .string()
  .regex(
    /^\d+(\.\d+)?(m|Ki|Mi|Gi|Ti|k|M|G|T)?$/,
    'must be a Kubernetes quantity such as 250m or 512Mi',
  );

/** The schema of a usage spec, as scenario files and annotations write it. */
export const usageSpecSchema = z.strictObject({
  model: z.enum(usageModels),
  cpu: quantity.optional(),
  memory: quantity.optional(),
  growthPerHour: quantity.optional(),
}) satisfies z.ZodType<UsageSpec>;

/** The usage spec in a pod annotation, or undefined when absent or malformed. */
export function parseUsageAnnotation(text: string | undefined): UsageSpec | undefined {
  if (!text) return undefined;
  try {
    const result = usageSpecSchema.safeParse(JSON.parse(text));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}
