// Protobuf field numbers of core/v1 ResourceQuota and LimitRange (`kubectl create quota` sends the
// former; clients with protobuf content types may send either).
import { metadata } from './meta-schemas.ts';
import type { Schema } from './meta-schemas.ts';

const scopeSelector: Schema = {
  1: [
    'matchExpressions',
    {
      message: { 1: ['scopeName', 'string'], 2: ['operator', 'string'], 3: ['values', 'strings'] },
      isRepeated: true,
    },
  ],
};

const resourceQuotaSpec: Schema = {
  1: ['hard', 'quantityMap'],
  2: ['scopes', 'strings'],
  3: ['scopeSelector', { message: scopeSelector }],
};

const limitRangeItem: Schema = {
  1: ['type', 'string'],
  2: ['max', 'quantityMap'],
  3: ['min', 'quantityMap'],
  4: ['default', 'quantityMap'],
  5: ['defaultRequest', 'quantityMap'],
  6: ['maxLimitRequestRatio', 'quantityMap'],
};

/** Messages by `apiVersion/kind`. Quota status is the quota controller's, so it is not read. */
export const quotaSchemas: Readonly<Record<string, Schema>> = {
  'v1/ResourceQuota': { 1: metadata, 2: ['spec', { message: resourceQuotaSpec }] },
  'v1/LimitRange': {
    1: metadata,
    2: ['spec', { message: { 1: ['limits', { message: limitRangeItem, isRepeated: true }] } }],
  },
};
