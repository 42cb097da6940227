// The clusterrole-aggregation controller: a ClusterRole with an aggregationRule gets the rules of the
// roles its selectors pick, kept current as roles come, change, are relabelled or go.
import { clusterRoleType } from '../auth/rbac-authorizer.ts';
import { aggregatingRoleNames, syncAggregatedRole } from '../auth/role-aggregation.ts';
import type { Controller, ControllerDeps } from './controller-manager.ts';

/** The clusterrole-aggregation controller of kube-controller-manager. */
export function clusterRoleAggregationController(deps: ControllerDeps): Controller {
  return {
    name: 'clusterrole-aggregation',
    // As the real one: roles are few and who selects whom is unknown, so any change requeues
    // every aggregating role.
    keysFor: (event) =>
      event.resource === clusterRoleType ? aggregatingRoleNames(deps.registry) : [],
    reconcile: (name) => {
      syncAggregatedRole(deps.registry, deps.clock, name);
    },
  };
}
