// Defaulting and validation of Mutating- and ValidatingWebhookConfigurations, with the API server's messages.
import { arrayAt, recordAt, stringAt } from '../api/table/json-path.ts';
import type { StatusCause } from '../api/status.ts';
import { isRecord } from '../api/types.ts';
import type { KubeObject } from '../api/types.ts';
import { invalidValue, required } from './kind-hooks.ts';
import type { KindHooks } from './kind-hooks.ts';

function unsupported(field: string, value: string, allowed: readonly string[]): StatusCause {
  const supported = allowed.map((entry) => JSON.stringify(entry)).join(', ');
  return {
    reason: 'FieldValueNotSupported',
    message: `Unsupported value: ${JSON.stringify(value)}: supported values: ${supported}`,
    field,
  };
}

function defaultRule(rule: unknown): unknown {
  return isRecord(rule) ? { scope: '*', ...rule } : rule;
}

function defaultClientConfig(config: Record<string, unknown>): Record<string, unknown> {
  if (!isRecord(config['service'])) return config;
  return { ...config, service: { port: 443, ...config['service'] } };
}

function defaultWebhook(webhook: unknown, isMutating: boolean): unknown {
  if (!isRecord(webhook)) return webhook;
  return {
    failurePolicy: 'Fail',
    matchPolicy: 'Equivalent',
    namespaceSelector: {},
    objectSelector: {},
    timeoutSeconds: 10,
    ...(isMutating ? { reinvocationPolicy: 'Never' } : {}),
    ...webhook,
    clientConfig: defaultClientConfig(recordAt(webhook, 'clientConfig')),
    rules: arrayAt(webhook, 'rules').map(defaultRule),
  };
}

function clientConfigErrors(field: string, config: Record<string, unknown>): StatusCause[] {
  const url = stringAt(config, 'url');
  const hasService = isRecord(config['service']);
  if ((url !== '') === hasService) {
    return [required(field, 'exactly one of url or service is required')];
  }
  if (url && !url.startsWith('https://')) {
    return [invalidValue(`${field}.url`, url, "'https' is the only allowed URL scheme")];
  }
  return [];
}

function sideEffectErrors(field: string, webhook: unknown): StatusCause[] {
  const value = stringAt(webhook, 'sideEffects');
  if (!value) return [required(field, 'must specify one of None, NoneOnDryRun')];
  const allowed = ['None', 'NoneOnDryRun'];
  return allowed.includes(value) ? [] : [unsupported(field, value, allowed)];
}

function timeoutErrors(field: string, webhook: unknown): StatusCause[] {
  const timeout = recordAt({ webhook }, 'webhook')['timeoutSeconds'];
  if (timeout === undefined || (typeof timeout === 'number' && timeout >= 1 && timeout <= 30)) {
    return [];
  }
  return [invalidValue(field, timeout, 'the timeout value must be between 1 and 30 seconds')];
}

function webhookErrors(webhook: unknown, index: number, seen: Set<string>): StatusCause[] {
  const at = `webhooks[${index}]`;
  const name = stringAt(webhook, 'name');
  const causes: StatusCause[] = [];
  if (!name) causes.push(required(`${at}.name`));
  else if (name.split('.').length < 3) {
    const why = 'should be a domain with at least three segments separated by dots';
    causes.push(invalidValue(`${at}.name`, name, why));
  } else if (seen.has(name)) {
    causes.push({
      reason: 'FieldValueDuplicate',
      message: `Duplicate value: ${JSON.stringify(name)}`,
      field: `${at}.name`,
    });
  }
  seen.add(name);
  causes.push(...clientConfigErrors(`${at}.clientConfig`, recordAt(webhook, 'clientConfig')));
  causes.push(...sideEffectErrors(`${at}.sideEffects`, webhook));
  if (arrayAt(webhook, 'admissionReviewVersions').length === 0) {
    causes.push(required(`${at}.admissionReviewVersions`, 'must specify one of v1, v1beta1'));
  }
  const policy = stringAt(webhook, 'failurePolicy');
  if (policy && policy !== 'Fail' && policy !== 'Ignore') {
    causes.push(unsupported(`${at}.failurePolicy`, policy, ['Fail', 'Ignore']));
  }
  return [...causes, ...timeoutErrors(`${at}.timeoutSeconds`, webhook)];
}

function validate(object: KubeObject): StatusCause[] {
  const seen = new Set<string>();
  return arrayAt(object, 'webhooks').flatMap((webhook, index) =>
    webhookErrors(webhook, index, seen),
  );
}

function hooks(isMutating: boolean): KindHooks {
  const withDefaults = (object: KubeObject): KubeObject => ({
    ...object,
    webhooks: arrayAt(object, 'webhooks').map((webhook) => defaultWebhook(webhook, isMutating)),
  });
  return { defaultCreate: withDefaults, defaultUpdate: withDefaults, validate };
}

/** MutatingWebhookConfiguration: defaults (reinvocationPolicy included) and validation. */
export const mutatingWebhookHooks = hooks(true);

/** ValidatingWebhookConfiguration: defaults and validation. */
export const validatingWebhookHooks = hooks(false);
