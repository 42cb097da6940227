// Kubernetes `Status` objects and the error that carries one, worded as the real API server words them.
import type { ResourceType } from './resource-types.ts';

/** One reason a request failed, pointing at a field when it can. */
export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

/** `Status.details`: which object the failure is about. */
export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/** The `Status` kind of `meta/v1`, as every error response body carries it. */
export interface KubeStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

/** A failure the API reports to its client as a `Status` with the given HTTP code. */
export class KubeError extends Error {
  readonly status: KubeStatus;

  constructor(code: number, reason: string, message: string, details?: StatusDetails) {
    super(message);
    this.name = 'KubeError';
    this.status = failureStatus(code, reason, message, details);
  }
}

/** Builds a failure `Status`, leaving `details` out when there are none (as the server does). */
export function failureStatus(
  code: number,
  reason: string,
  message: string,
  details?: StatusDetails,
): KubeStatus {
  const base = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure' } as const;
  return details ? { ...base, message, reason, details, code } : { ...base, message, reason, code };
}

/** The `Success` status a delete returns when the object is gone at once. */
export function successStatus(type: ResourceType, name: string, uid: string): KubeStatus {
  const details = { name, ...groupOf(type), kind: type.plural, uid };
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details, code: 200 };
}

function groupOf(type: ResourceType): { group?: string } {
  return type.group ? { group: type.group } : {};
}

/** `pods` or `deployments.apps`: how messages name a resource. */
export function qualifiedResource(type: ResourceType): string {
  return type.group ? `${type.plural}.${type.group}` : type.plural;
}

function objectDetails(type: ResourceType, name: string): StatusDetails {
  return { name, ...groupOf(type), kind: type.plural };
}

/** 404 for a missing object. */
export function notFound(type: ResourceType, name: string): KubeError {
  const message = `${qualifiedResource(type)} "${name}" not found`;
  return new KubeError(404, 'NotFound', message, objectDetails(type, name));
}

/** 409 for a create whose name is taken. */
export function alreadyExists(type: ResourceType, name: string): KubeError {
  const message = `${qualifiedResource(type)} "${name}" already exists`;
  return new KubeError(409, 'AlreadyExists', message, objectDetails(type, name));
}

/** 409 for a write based on a stale `resourceVersion` (or a failed precondition). */
export function conflict(type: ResourceType, name: string, why: string): KubeError {
  const message = `Operation cannot be fulfilled on ${qualifiedResource(type)} "${name}": ${why}`;
  return new KubeError(409, 'Conflict', message, objectDetails(type, name));
}

/** The reason text of an optimistic-concurrency conflict. */
export const staleObjectMessage =
  'the object has been modified; please apply your changes to the latest version and try again';

/** 422 for an object that fails validation; one cause per invalid field. */
export function invalid(type: ResourceType, name: string, causes: StatusCause[]): KubeError {
  // The message lists each distinct error once (ErrorList.ToAggregate); the causes keep them all.
  const listed = [
    ...new Set(causes.map((cause) => `${cause.field ?? ''}: ${cause.message ?? ''}`)),
  ];
  const joined = listed.length === 1 ? (listed[0] ?? '') : `[${listed.join(', ')}]`;
  const qualifiedKind = type.group ? `${type.kind}.${type.group}` : type.kind;
  const message = `${qualifiedKind} "${name}" is invalid: ${joined}`;
  return new KubeError(422, 'Invalid', message, {
    ...objectDetails(type, name),
    kind: type.kind,
    causes,
  });
}

/** 400 for a request the server cannot make sense of. */
export function badRequest(message: string): KubeError {
  return new KubeError(400, 'BadRequest', message);
}

/** 401 for a request without a valid credential. */
export function unauthorized(): KubeError {
  return new KubeError(401, 'Unauthorized', 'Unauthorized');
}

/** 404 for a path that addresses nothing we serve. */
export function noSuchResource(): KubeError {
  const causes = [{ reason: 'UnexpectedServerResponse', message: '404 page not found' }];
  return new KubeError(404, 'NotFound', 'the server could not find the requested resource', {
    causes,
  });
}

/** 405 for a verb a resource does not support. */
export function methodNotAllowed(method: string, type: ResourceType): KubeError {
  const message = `${method} on resource ${qualifiedResource(type)} is not supported`;
  return new KubeError(405, 'MethodNotAllowed', message, objectDetails(type, ''));
}

/** 410 for a watch or continue token older than the history we keep. */
export function expired(message: string): KubeError {
  return new KubeError(410, 'Expired', message);
}
