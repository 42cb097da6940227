// Schemas of LimitRange and ResourceQuota (core/v1), so field validation and `kubectl explain`
// treat them as a real server does.
import type { Schema } from './schema-dsl.ts';
import {
  kind,
  names,
  object,
  open,
  quantityMap,
  ref,
  refList,
  str,
  strList,
} from './schema-dsl.ts';

const { core } = names;
const gvk = (kindName: string) => ({ group: '', version: 'v1', kind: kindName });

const limitRangeItem = object(
  'LimitRangeItem defines a min/max usage limit for any resource that matches on kind.',
  {
    type: str(
      'Type of resource that this limit applies to: Pod, Container or PersistentVolumeClaim.',
    ),
    max: quantityMap('Max usage constraints on this kind by resource name.'),
    min: quantityMap('Min usage constraints on this kind by resource name.'),
    default: quantityMap('Default resource requirement limit value by resource name.'),
    defaultRequest: quantityMap('Default resource requirement request value by resource name.'),
    maxLimitRequestRatio: quantityMap(
      'The max burst for the named resource: its limit divided by its request may not exceed it.',
    ),
  },
  ['type'],
);

/** LimitRange and ResourceQuota and their parts, by component name. */
export const quotaSchemas: Readonly<Record<string, Schema>> = {
  [core('LimitRange')]: kind(
    gvk('LimitRange'),
    'LimitRange sets resource usage limits for each kind of resource in a Namespace.',
    {
      spec: ref(core('LimitRangeSpec'), 'Spec defines the limits enforced.'),
    },
  ),
  [core('LimitRangeSpec')]: object(
    'LimitRangeSpec defines a min/max usage limit for resources that match on kind.',
    {
      limits: refList(
        core('LimitRangeItem'),
        'Limits is the list of LimitRangeItem objects that are enforced.',
      ),
    },
    ['limits'],
  ),
  [core('LimitRangeItem')]: limitRangeItem,
  [core('ResourceQuota')]: kind(
    gvk('ResourceQuota'),
    'ResourceQuota sets aggregate quota restrictions enforced per namespace.',
    {
      spec: ref(core('ResourceQuotaSpec'), 'Spec defines the desired quota.'),
      status: ref(
        core('ResourceQuotaStatus'),
        'Status defines the actual enforced quota and its current usage.',
      ),
    },
  ),
  [core('ResourceQuotaSpec')]: object(
    'ResourceQuotaSpec defines the desired hard limits to enforce for Quota.',
    {
      hard: quantityMap('The set of desired hard limits for each named resource.'),
      scopes: strList('A collection of filters that must match each object tracked by a quota.'),
      scopeSelector: open(
        'A collection of filters like scopes, expressed as selector requirements.',
      ),
    },
  ),
  [core('ResourceQuotaStatus')]: object(
    'ResourceQuotaStatus defines the enforced hard limits and observed use.',
    {
      hard: quantityMap('The set of enforced hard limits for each named resource.'),
      used: quantityMap('The current observed total usage of the resource in the namespace.'),
    },
  ),
};
