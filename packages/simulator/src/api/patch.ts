// JSON patch (RFC 6902) and JSON merge patch (RFC 7386), with the API server's error wording.
import { KubeError } from './status.ts';
import { isRecord } from './types.ts';

/** The patch media types the simulator applies. */
export const patchTypes = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
} as const;

/** RFC 7386: objects merge recursively, null deletes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return patch;
  const result: Record<string, unknown> = isRecord(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

function unprocessable(message: string): KubeError {
  return new KubeError(422, 'Invalid', message);
}

function decodePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw unprocessable(`invalid JSON pointer: ${pointer}`);
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
}

type Container = Record<string, unknown> | unknown[];

function parentOf(document: unknown, path: string[]): { parent: Container; key: string } {
  let current = document;
  for (const part of path.slice(0, -1)) {
    current = Array.isArray(current)
      ? current[Number(part)]
      : isRecord(current)
        ? current[part]
        : undefined;
    if (!isRecord(current) && !Array.isArray(current)) {
      throw unprocessable(`doc is missing path: "/${path.join('/')}": missing value`);
    }
  }
  if (!isRecord(current) && !Array.isArray(current))
    throw unprocessable('cannot patch the document root');
  return { parent: current, key: path.at(-1) ?? '' };
}

function readAt(document: unknown, pointer: string): unknown {
  let current = document;
  for (const part of decodePointer(pointer)) {
    current = Array.isArray(current)
      ? current[Number(part)]
      : isRecord(current)
        ? current[part]
        : undefined;
  }
  if (current === undefined)
    throw unprocessable(`doc is missing path: "${pointer}": missing value`);
  return current;
}

function removeAt(document: unknown, pointer: string): unknown {
  const { parent, key } = parentOf(document, decodePointer(pointer));
  const value = readAt(document, pointer);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
  return value;
}

function addAt(document: unknown, pointer: string, value: unknown, isReplace: boolean): unknown {
  const path = decodePointer(pointer);
  if (path.length === 0) return structuredClone(value);
  if (isReplace) readAt(document, pointer);
  const { parent, key } = parentOf(document, path);
  if (!Array.isArray(parent)) parent[key] = structuredClone(value);
  else if (isReplace) parent[Number(key)] = structuredClone(value);
  else parent.splice(key === '-' ? parent.length : Number(key), 0, structuredClone(value));
  return document;
}

function applyOperation(document: unknown, operation: unknown): unknown {
  if (!isRecord(operation) || typeof operation['path'] !== 'string') {
    throw unprocessable('the server rejected our request due to an error in our request');
  }
  const { op, path, value, from } = operation as {
    op: unknown;
    path: string;
    value: unknown;
    from: unknown;
  };
  switch (op) {
    case 'add':
    case 'replace':
      return addAt(document, path, value, op === 'replace');
    case 'remove':
      removeAt(document, path);
      return document;
    case 'move':
      return addAt(document, path, removeAt(document, String(from)), false);
    case 'copy':
      return addAt(document, path, readAt(document, String(from)), false);
    case 'test':
      if (JSON.stringify(readAt(document, path)) !== JSON.stringify(value)) {
        throw unprocessable(`testing value ${path} failed: test failed`);
      }
      return document;
    default:
      throw unprocessable(`Unexpected kind: ${String(op)}`);
  }
}

/** RFC 6902 on a copy of `target`; 422 when an operation cannot apply. */
export function jsonPatch(target: unknown, operations: unknown): unknown {
  if (!Array.isArray(operations)) {
    throw new KubeError(
      400,
      'BadRequest',
      'json: cannot unmarshal object into Go value of type jsonpatch.Patch',
    );
  }
  return operations.reduce<unknown>(applyOperation, structuredClone(target));
}
