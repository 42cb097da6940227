// The agent's Kustomize base in deploy/agent/: the same objects `flotilla agent manifests`
// prints, with placeholders an overlay patches. A test keeps the files equal to this output.
import { stringify } from 'yaml';
import { agentManifests } from './agent-manifests.ts';

/** Placeholder values the overlay replaces (see deploy/agent/README.md). */
export const placeholders = {
  hubUrl: 'https://hub.example.com',
  cluster: 'my-cluster',
  joinToken: 'flt_j_replace-me',
  image: 'ghcr.io/flotilla-dev/flotilla:0.1.0',
} as const;

/** File name → content of the base. */
export function kustomizeBase(): Record<string, string> {
  const objects = agentManifests(placeholders);
  return {
    'agent.yaml': objects.map((object) => `---\n${stringify(object)}`).join(''),
    'kustomization.yaml': stringify({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['agent.yaml'],
    }),
  };
}
