// The webhooks a cluster's Mutating- and ValidatingWebhookConfigurations register, read as kube-apiserver reads them.
import type { ResourceType } from '../api/resource-types.ts';
import { arrayAt, numberAt, recordAt, stringAt } from '../api/table/json-path.ts';
import type { StoredObject } from '../api/types.ts';
import type { ObjectStore } from '../store/object-store.ts';
import { webhookConfigurationTypes } from './webhook-types.ts';

/** Whether a webhook may change the object (mutating) or only judge it (validating). */
export type WebhookKind = 'mutating' | 'validating';

/** Where a webhook is served: a URL, or a Service in the cluster. */
export type WebhookTarget =
  | { readonly url: string }
  | {
      readonly service: {
        readonly namespace: string;
        readonly name: string;
        readonly port: number;
        readonly path: string;
      };
    };

/** One webhook of a configuration, defaults filled in as the API server defaults them. */
export interface Webhook {
  readonly kind: WebhookKind;
  readonly configuration: string;
  readonly name: string;
  readonly target: WebhookTarget;
  /** PEM certificates the webhook's serving certificate must chain to (empty: the system roots). */
  readonly caBundle: string;
  readonly rules: readonly unknown[];
  readonly failurePolicy: 'Fail' | 'Ignore';
  readonly namespaceSelector: unknown;
  readonly objectSelector: unknown;
  readonly timeoutSeconds: number;
  readonly sideEffects: string;
  /** Mutating webhooks only: `IfNeeded` asks to be called again when a later webhook changed the object. */
  readonly isReinvokedIfNeeded: boolean;
}

/** The API server's default and ceiling for `timeoutSeconds`. */
const defaultTimeoutSeconds = 10;

function targetOf(clientConfig: Record<string, unknown>): WebhookTarget {
  const url = stringAt(clientConfig, 'url');
  if (url) return { url };
  const service = recordAt(clientConfig, 'service');
  return {
    service: {
      namespace: stringAt(service, 'namespace'),
      name: stringAt(service, 'name'),
      port: numberAt(service, 'port', 443),
      path: stringAt(service, 'path', '/'),
    },
  };
}

function webhookOf(kind: WebhookKind, configuration: string, raw: unknown): Webhook {
  const clientConfig = recordAt(raw, 'clientConfig');
  const bundle = stringAt(clientConfig, 'caBundle');
  const failurePolicy = stringAt(raw, 'failurePolicy', 'Fail') === 'Ignore' ? 'Ignore' : 'Fail';
  return {
    kind,
    configuration,
    name: stringAt(raw, 'name'),
    target: targetOf(clientConfig),
    caBundle: bundle ? Buffer.from(bundle, 'base64').toString('utf8') : '',
    rules: arrayAt(raw, 'rules'),
    failurePolicy,
    // A missing selector is the empty one, which matches everything.
    namespaceSelector: recordAt(raw, 'namespaceSelector'),
    objectSelector: recordAt(raw, 'objectSelector'),
    timeoutSeconds: numberAt(raw, 'timeoutSeconds', defaultTimeoutSeconds),
    sideEffects: stringAt(raw, 'sideEffects', 'Unknown'),
    isReinvokedIfNeeded: kind === 'mutating' && stringAt(raw, 'reinvocationPolicy') === 'IfNeeded',
  };
}

// Stored objects are never changed in place, so a configuration's webhooks are read once, not
// on every write that admission looks at.
const parsed = new WeakMap<StoredObject, Webhook[]>();

function webhooksIn(kind: WebhookKind, configuration: StoredObject): Webhook[] {
  let webhooks = parsed.get(configuration);
  if (webhooks === undefined) {
    webhooks = arrayAt(configuration, 'webhooks').map((raw) =>
      webhookOf(kind, configuration.metadata.name, raw),
    );
    parsed.set(configuration, webhooks);
  }
  return webhooks;
}

/** The webhooks of `kind` in the order the API server calls them: configurations by name, then as listed. */
export function registeredWebhooks(store: ObjectStore, kind: WebhookKind): Webhook[] {
  const type: ResourceType = webhookConfigurationTypes[kind];
  return store.list(type).flatMap((configuration) => webhooksIn(kind, configuration));
}
