// The resource types that register admission webhooks.
import { typeOfKind } from '../api/resource-types.ts';
import type { ResourceType } from '../api/resource-types.ts';

const group = 'admissionregistration.k8s.io';

/** The configuration type of each webhook kind. */
export const webhookConfigurationTypes: Readonly<Record<'mutating' | 'validating', ResourceType>> =
  {
    mutating: typeOfKind(group, 'MutatingWebhookConfiguration'),
    validating: typeOfKind(group, 'ValidatingWebhookConfiguration'),
  };
