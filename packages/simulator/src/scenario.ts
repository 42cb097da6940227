// Scenario files: YAML describing a fleet of clusters, checked against the cluster spec schema.
import { parse } from 'yaml';
import { z } from 'zod';
import { clusterSpecSchema } from './cluster-spec.ts';
import type { ClusterSpec } from './cluster-spec.ts';

const scenarioSchema = z.strictObject({
  clusters: z.array(clusterSpecSchema).min(1, 'a scenario needs at least one cluster'),
});

/** Why a scenario file was refused; `path` names the bad field, e.g. `clusters[1].environment`. */
export class ScenarioError extends Error {
  readonly path: string;

  constructor(path: string, message: string) {
    super(path ? `invalid scenario: ${path}: ${message}` : `invalid scenario: ${message}`);
    this.name = 'ScenarioError';
    this.path = path;
  }
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, part) =>
      typeof part === 'number'
        ? `${text}[${part}]`
        : text
          ? `${text}.${String(part)}`
          : String(part),
    '',
  );
}

function uniqueNames(clusters: ClusterSpec[]): ClusterSpec[] {
  const seen = new Set<string>();
  clusters.forEach((cluster, i) => {
    if (seen.has(cluster.name))
      throw new ScenarioError(`clusters[${i}].name`, `duplicate cluster name "${cluster.name}"`);
    seen.add(cluster.name);
  });
  return clusters;
}

/** Parses a YAML scenario (`clusters: [...]`); throws `ScenarioError` naming the first bad field. */
export function loadScenario(yamlText: string): ClusterSpec[] {
  let document: unknown;
  try {
    document = parse(yamlText);
  } catch (error) {
    throw new ScenarioError(
      '',
      `not valid YAML: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const result = scenarioSchema.safeParse(document);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ScenarioError(
      pathOf(issue?.path ?? []),
      issue?.message ?? 'does not match the scenario schema',
    );
  }
  return uniqueNames(result.data.clusters);
}
