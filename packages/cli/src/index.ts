// Public entry point of the `flotilla` package: the command tree and the configuration reference.
export { buildProgram } from './main.ts';
export { configReference } from './config-reference.ts';
export { hubKubeconfig, kubeconfigYaml } from './kubeconfig.ts';
export { hubRoleBindings } from './manifests/hub-role-bindings.ts';
export { createObjects } from './manifests/apply-objects.ts';
export { kustomizeBase } from './manifests/kustomize-base.ts';
export { agentManifests } from './manifests/agent-manifests.ts';
