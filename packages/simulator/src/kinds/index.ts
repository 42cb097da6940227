// The kind hooks by kind name, so the registry finds a kind's behaviour in one place.
import type { ResourceType } from '../api/resource-types.ts';
import {
  daemonSetHooks,
  deploymentHooks,
  replicaSetHooks,
  statefulSetHooks,
} from './apps-kinds.ts';
import { namespaceHooks, podHooks, secretHooks } from './core-kinds.ts';
import { serviceHooks } from './service-kinds.ts';
import type { KindHooks } from './kind-hooks.ts';
import { mutatingWebhookHooks, validatingWebhookHooks } from './admission-kinds.ts';
import { ingressHooks, storageClassHooks } from './platform-kinds.ts';
import { priorityClassHooks } from './priority-classes.ts';
import { autoscalerHooks } from './autoscaling-kinds.ts';
import { cronJobHooks, jobHooks } from './batch-kinds.ts';
import { crdHooks, podDisruptionBudgetHooks } from './extension-kinds.ts';
import { limitRangeHooks } from './limit-range-kinds.ts';
import { resourceQuotaHooks } from './quota-kinds.ts';
import { clusterRoleBindingHooks, roleBindingHooks } from './rbac-kinds.ts';

export type { HookContext, KindHooks } from './kind-hooks.ts';

const hooksByKind: Readonly<Record<string, KindHooks>> = {
  '/Namespace': namespaceHooks,
  '/Pod': podHooks,
  '/Service': serviceHooks,
  '/Secret': secretHooks,
  '/LimitRange': limitRangeHooks,
  '/ResourceQuota': resourceQuotaHooks,
  'apps/Deployment': deploymentHooks,
  'apps/ReplicaSet': replicaSetHooks,
  'apps/StatefulSet': statefulSetHooks,
  'apps/DaemonSet': daemonSetHooks,
  'batch/Job': jobHooks,
  'batch/CronJob': cronJobHooks,
  'policy/PodDisruptionBudget': podDisruptionBudgetHooks,
  'autoscaling/HorizontalPodAutoscaler': autoscalerHooks,
  'apiextensions.k8s.io/CustomResourceDefinition': crdHooks,
  'networking.k8s.io/Ingress': ingressHooks,
  'storage.k8s.io/StorageClass': storageClassHooks,
  'scheduling.k8s.io/PriorityClass': priorityClassHooks,
  'admissionregistration.k8s.io/MutatingWebhookConfiguration': mutatingWebhookHooks,
  'admissionregistration.k8s.io/ValidatingWebhookConfiguration': validatingWebhookHooks,
  'rbac.authorization.k8s.io/RoleBinding': roleBindingHooks,
  'rbac.authorization.k8s.io/ClusterRoleBinding': clusterRoleBindingHooks,
};

/** The hooks of `type`'s kind; kinds without special behaviour get none. */
export function hooksFor(type: ResourceType): KindHooks {
  return hooksByKind[`${type.group}/${type.kind}`] ?? {};
}
