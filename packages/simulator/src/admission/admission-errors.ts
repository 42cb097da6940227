// The Status errors admission answers with, worded as kube-apiserver's webhook dispatchers word them.
import { numberAt, stringAt } from '../api/table/json-path.ts';
import { KubeError } from '../api/status.ts';
import type { Webhook } from './webhooks.ts';

/** A webhook said no: its status code (400 at least) and its message after "denied the request". */
export function deniedBy(webhook: Webhook, status: Record<string, unknown>): KubeError {
  const prefix = `admission webhook "${webhook.name}" denied the request`;
  const message = stringAt(status, 'message');
  const reason = stringAt(status, 'reason');
  const code = Math.max(numberAt(status, 'code', 400), 400);
  const explanation = message || reason;
  const text = explanation ? `${prefix}: ${explanation}` : `${prefix} without explanation`;
  const error = new KubeError(code, reason, text);
  if (!reason) delete error.status.reason;
  return error;
}

/** A webhook with failurePolicy Fail could not be called: 500 InternalError naming it. */
export function callFailed(webhook: Webhook, why: string): KubeError {
  const cause = `failed calling webhook "${webhook.name}": ${why}`;
  return new KubeError(500, 'InternalError', `Internal error occurred: ${cause}`, {
    causes: [{ message: cause }],
  });
}

/** A dry run reached a webhook that may have side effects. */
export function noDryRun(webhook: Webhook): KubeError {
  return new KubeError(
    400,
    'BadRequest',
    `admission webhook "${webhook.name}" has side effects and does not support dry run`,
  );
}

/** Side effects that make a webhook unsafe to call for a dry run. */
export function mayCallOnDryRun(webhook: Webhook): boolean {
  return webhook.sideEffects === 'None' || webhook.sideEffects === 'NoneOnDryRun';
}
