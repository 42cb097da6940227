// Resource types beyond the first cut: more workloads, endpoints, leases, disruption budgets, autoscalers, admission and CRDs.
import { define } from './define-type.ts';
import type { ResourceType } from './resource-types.ts';

const workload = { categories: ['all'], hasStatus: true, hasGeneration: true };

/** statefulsets and daemonsets (apps/v1). */
export function moreAppsTypes(): ResourceType[] {
  const apps = { ...workload, group: 'apps' };
  return [
    define({
      ...apps,
      plural: 'statefulsets',
      kind: 'StatefulSet',
      shortNames: ['sts'],
      hasScale: true,
    }),
    define({ ...apps, plural: 'daemonsets', kind: 'DaemonSet', shortNames: ['ds'] }),
  ];
}

/** endpoints, limitranges and resourcequotas (core/v1). */
export function moreCoreTypes(): ResourceType[] {
  return [
    define({ plural: 'endpoints', kind: 'Endpoints', singular: 'endpoints', shortNames: ['ep'] }),
    define({ plural: 'limitranges', kind: 'LimitRange', shortNames: ['limits'] }),
    define({
      plural: 'resourcequotas',
      kind: 'ResourceQuota',
      shortNames: ['quota'],
      hasStatus: true,
    }),
  ];
}

/** jobs, cronjobs, leases, poddisruptionbudgets, horizontalpodautoscalers. */
export function operationsTypes(): ResourceType[] {
  return [
    define({ ...workload, group: 'batch', plural: 'jobs', kind: 'Job' }),
    define({
      ...workload,
      group: 'batch',
      plural: 'cronjobs',
      kind: 'CronJob',
      shortNames: ['cj'],
    }),
    define({ group: 'coordination.k8s.io', plural: 'leases', kind: 'Lease' }),
    define({
      group: 'policy',
      plural: 'poddisruptionbudgets',
      kind: 'PodDisruptionBudget',
      shortNames: ['pdb'],
      hasStatus: true,
      hasGeneration: true,
    }),
    ...autoscalerTypes(),
  ];
}

/** horizontalpodautoscalers in autoscaling/v2 (stored, preferred) and v1 (served by conversion). */
function autoscalerTypes(): ResourceType[] {
  const hpa = {
    group: 'autoscaling',
    plural: 'horizontalpodautoscalers',
    kind: 'HorizontalPodAutoscaler',
    shortNames: ['hpa'],
    categories: ['all'],
    hasStatus: true,
  };
  return [define({ ...hpa, version: 'v2' }), define({ ...hpa, version: 'v1' })];
}

/** Webhook configurations and CustomResourceDefinitions (cluster-scoped). */
export function extensionTypes(): ResourceType[] {
  const admission = {
    group: 'admissionregistration.k8s.io',
    isNamespaced: false,
    hasGeneration: true,
  };
  return [
    define({
      ...admission,
      plural: 'mutatingwebhookconfigurations',
      kind: 'MutatingWebhookConfiguration',
    }),
    define({
      ...admission,
      plural: 'validatingwebhookconfigurations',
      kind: 'ValidatingWebhookConfiguration',
    }),
    define({
      group: 'apiextensions.k8s.io',
      plural: 'customresourcedefinitions',
      kind: 'CustomResourceDefinition',
      shortNames: ['crd', 'crds'],
      isNamespaced: false,
      hasStatus: true,
      hasGeneration: true,
    }),
  ];
}
