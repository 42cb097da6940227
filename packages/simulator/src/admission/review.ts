// AdmissionReview v1: the request kube-apiserver sends a webhook, and what its answer may say.
import { randomUUID } from 'node:crypto';
import { jsonPatch } from '../api/patch.ts';
import { recordAt, stringAt } from '../api/table/json-path.ts';
import { isRecord } from '../api/types.ts';
import type { KubeObject } from '../api/types.ts';
import type { AdmissionAttributes } from './attributes.ts';
import { WebhookCallError } from './webhook-call.ts';

const apiVersion = 'admission.k8s.io/v1';
const optionsKinds = {
  CREATE: 'CreateOptions',
  UPDATE: 'UpdateOptions',
  DELETE: 'DeleteOptions',
} as const;

/** The review posted to a webhook, with the uid its response must echo. */
export function reviewRequest(attributes: AdmissionAttributes): { uid: string; review: unknown } {
  const { type, user, operation } = attributes;
  const uid = randomUUID();
  const kind = { group: type.group, version: type.version, kind: type.kind };
  const resource = { group: type.group, version: type.version, resource: type.plural };
  const subresource = attributes.subresource ? { subResource: attributes.subresource } : {};
  const request = {
    uid,
    kind,
    resource,
    ...subresource,
    requestKind: kind,
    requestResource: resource,
    ...(attributes.subresource ? { requestSubResource: attributes.subresource } : {}),
    name: attributes.name,
    ...(attributes.namespace === undefined ? {} : { namespace: attributes.namespace }),
    operation,
    userInfo: { username: user.username, uid: user.uid, groups: user.groups, extra: user.extra },
    // A delete has no new object: the one going away is the old one.
    object: operation === 'DELETE' ? null : attributes.object,
    oldObject: operation === 'DELETE' ? attributes.object : (attributes.oldObject ?? null),
    dryRun: attributes.isDryRun,
    options: {
      apiVersion: 'meta.k8s.io/v1',
      kind: optionsKinds[operation],
    },
  };
  return { uid, review: { apiVersion, kind: 'AdmissionReview', request } };
}

/** What a webhook answered. */
export interface ReviewAnswer {
  readonly isAllowed: boolean;
  readonly status: Record<string, unknown>;
  /** JSON patch operations, for mutating webhooks that returned one. */
  readonly patch?: unknown;
  readonly warnings: readonly string[];
  readonly auditAnnotations: Readonly<Record<string, string>>;
}

function patchOf(response: Record<string, unknown>): unknown {
  const encoded = stringAt(response, 'patch');
  if (!encoded) return undefined;
  const patchType = stringAt(response, 'patchType');
  if (patchType !== 'JSONPatch') {
    throw new WebhookCallError(`unsupported patch type "${patchType}"`);
  }
  try {
    return JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as unknown;
  } catch {
    throw new WebhookCallError('failed to decode the patch: it is not JSON');
  }
}

function stringRecord(value: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

/** Reads a webhook's AdmissionReview answer; throws `WebhookCallError` when it is not one for `uid`. */
export function readAnswer(body: unknown, uid: string): ReviewAnswer {
  const response = recordAt(body, 'response');
  if (!isRecord(body) || !isRecord(body['response'])) {
    throw new WebhookCallError('failed to call webhook: the response does not contain a response');
  }
  const answered = stringAt(response, 'uid');
  if (answered !== uid) {
    throw new WebhookCallError(`expected response.uid="${uid}", got "${answered}"`);
  }
  const warnings = Array.isArray(response['warnings'])
    ? response['warnings'].filter((w): w is string => typeof w === 'string')
    : [];
  return {
    isAllowed: response['allowed'] === true,
    status: recordAt(response, 'status'),
    patch: patchOf(response),
    warnings,
    auditAnnotations: stringRecord(recordAt(response, 'auditAnnotations')),
  };
}

/** `object` with a webhook's JSON patch applied. */
export function patchedObject(object: KubeObject, patch: unknown): KubeObject {
  const result = jsonPatch(object, patch);
  if (!isRecord(result) || !isRecord(result['metadata'])) {
    throw new WebhookCallError('the patched object is not a Kubernetes object');
  }
  return result as KubeObject;
}
