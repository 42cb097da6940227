// Server-side field validation (the fieldValidation query parameter): Strict fails, Warn warns.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from '../registry.ts';
import type { ResourceRequest } from '../request-info.ts';
import { badRequest } from '../status.ts';
import { isRecord } from '../types.ts';
import { builtinSchemas, kindSchema } from './kind-schemas.ts';
import { unknownFields } from './unknown-fields.ts';

type Directive = 'Ignore' | 'Warn' | 'Strict';

function directiveOf(query: URLSearchParams): Directive {
  const value = query.get('fieldValidation') ?? 'Warn';
  if (value === 'Ignore' || value === 'Warn' || value === 'Strict') return value;
  throw badRequest(
    `fieldValidation parameter unsupported: "${value}", must be one of: Ignore, Warn, Strict`,
  );
}

function parsed(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined; // the handler reports the syntax error as the server does
  }
}

/** `Warning` header values, quoted as RFC 7234 warn-text. */
export function warningHeader(messages: readonly string[]): string[] {
  return messages.map((text) => `299 - ${JSON.stringify(text)}`);
}

function report(fields: string[], request: ResourceRequest, isPatch: boolean): never {
  const detail = `strict decoding error: ${fields.map((f) => `unknown field "${f}"`).join(', ')}`;
  if (isPatch) throw badRequest(detail);
  const { kind, version } = request.type;
  throw badRequest(`${kind} in version "${version}" cannot be handled as a ${kind}: ${detail}`);
}

/** Which writes are checked here: JSON bodies of create, update and non-apply patches. */
function isChecked(req: IncomingMessage, request: ResourceRequest): boolean {
  const type = req.headers['content-type'] ?? '';
  const isJsonish = type.includes('json') && !type.includes('protobuf');
  const isWrite = ['POST', 'PUT', 'PATCH'].includes(req.method ?? '');
  return isWrite && isJsonish && request.subresource === undefined && !request.type.isVirtual;
}

/**
 * Checks a write's body against its kind's schema before the handler sees it: with Strict an
 * unknown field is a 400, with Warn (the default) a `Warning` header, with Ignore nothing.
 */
export function checkFields(
  registry: Registry,
  request: ResourceRequest,
  http: { req: IncomingMessage; res: ServerResponse; query: URLSearchParams },
  body: Buffer,
): Buffer {
  if (!isChecked(http.req, request)) return body;
  const directive = directiveOf(http.query);
  const value = parsed(body);
  if (directive === 'Ignore' || !isRecord(value)) return body;
  const isPatch = http.req.method === 'PATCH';
  if (isPatch && (http.req.headers['content-type'] ?? '').includes('json-patch')) return body;
  const { schema } = kindSchema(request.type, registry.store);
  const fields = unknownFields(value, schema, builtinSchemas, isPatch);
  if (fields.length === 0) return body;
  if (directive === 'Strict') report(fields, request, isPatch);
  http.res.setHeader('Warning', warningHeader(fields.map((f) => `unknown field "${f}"`)));
  return body;
}
