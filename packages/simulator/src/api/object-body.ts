// Turns a request body into an object of the addressed type, or the 400 the API server gives.
import { omit } from './omit.ts';
import { badRequest } from './status.ts';
import { groupVersion } from './resource-types.ts';
import type { ResourceType } from './resource-types.ts';
import { isRecord } from './types.ts';
import type { KubeObject } from './types.ts';

/** Parses JSON text, reporting syntax errors as the server's decoding failure. */
export function parseJson(text: string, type: ResourceType): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'invalid JSON';
    throw badRequest(
      `the object provided is unrecognized (must be of type ${type.kind}): couldn't get version/kind; json parse error: ${reason}`,
    );
  }
}

/** Checks that `body` is an object of `type`, defaulting a missing apiVersion and kind. */
export function asObject(body: unknown, type: ResourceType): KubeObject {
  if (!isRecord(body)) {
    throw badRequest(`the object provided is unrecognized (must be of type ${type.kind})`);
  }
  const apiVersion = body['apiVersion'] ?? groupVersion(type);
  const kind = body['kind'] ?? type.kind;
  if (apiVersion !== groupVersion(type) || kind !== type.kind) {
    throw badRequest(
      `the API version in the data (${JSON.stringify(apiVersion)}) does not match the expected API version (${groupVersion(type)})`,
    );
  }
  const metadata = body['metadata'] ?? {};
  if (!isRecord(metadata)) throw badRequest('metadata must be an object');
  return { ...body, apiVersion, kind, metadata };
}

/** The fields that make up an object's desired state (everything but metadata and status). */
export function specOf(object: KubeObject): string {
  return JSON.stringify(omit(object, 'metadata', 'status'));
}
