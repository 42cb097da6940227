// Decodes `application/vnd.kubernetes.protobuf` bodies (the `k8s\0` envelope) into JSON objects.
import { KubeError } from '../status.ts';
import { schemasByKind } from './schemas.ts';
import type { FieldType, Schema } from './schemas.ts';
import { readFields } from './wire.ts';
import type { WireField } from './wire.ts';

const magic = [0x6b, 0x38, 0x73, 0x00];
const text = new TextDecoder();

function bytesOf(field: WireField): Uint8Array {
  return typeof field.value === 'number' ? new Uint8Array() : field.value;
}

function mapEntry(field: WireField, isBytes: boolean): [string, string] {
  const entry = readFields(bytesOf(field));
  const key = entry.find((f) => f.number === 1);
  const value = entry.find((f) => f.number === 2);
  const raw = value ? bytesOf(value) : new Uint8Array();
  return [
    key ? text.decode(bytesOf(key)) : '',
    isBytes ? Buffer.from(raw).toString('base64') : text.decode(raw),
  ];
}

function scalar(type: Exclude<FieldType, object>, field: WireField): unknown {
  switch (type) {
    case 'string':
    case 'strings':
      return text.decode(bytesOf(field));
    case 'bytes':
      return Buffer.from(bytesOf(field)).toString('base64');
    case 'int':
      return Number(field.value);
    case 'bool':
      return field.value === 1;
    case 'time':
    case 'stringMap':
    case 'bytesMap':
      return undefined;
  }
}

function decodeField(
  result: Record<string, unknown>,
  name: string,
  type: FieldType,
  field: WireField,
): void {
  if (typeof type === 'object') {
    const value = decodeMessage(bytesOf(field), type.message);
    result[name] = type.isRepeated
      ? [...((result[name] as unknown[] | undefined) ?? []), value]
      : value;
  } else if (type === 'stringMap' || type === 'bytesMap') {
    const [key, value] = mapEntry(field, type === 'bytesMap');
    result[name] = { ...(result[name] as object | undefined), [key]: value };
  } else if (type === 'strings') {
    result[name] = [...((result[name] as unknown[] | undefined) ?? []), scalar(type, field)];
  } else {
    // Go's protobuf writes empty strings; JSON omits them, and defaulting relies on absence.
    const value = scalar(type, field);
    if (value !== '') result[name] = value;
  }
}

function decodeMessage(bytes: Uint8Array, schema: Schema): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const field of readFields(bytes)) {
    const known = schema[field.number];
    if (known) decodeField(result, known[0], known[1], field);
  }
  return result;
}

function unsupported(): KubeError {
  const message =
    'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml';
  return new KubeError(415, 'UnsupportedMediaType', message);
}

/** The JSON form of a protobuf-encoded object; 415 for kinds we cannot decode. */
export function decodeProtobuf(body: Uint8Array): Record<string, unknown> {
  if (!magic.every((byte, i) => body[i] === byte)) throw unsupported();
  const envelope = readFields(body.subarray(magic.length));
  const typeMeta = envelope.find((f) => f.number === 1);
  const raw = envelope.find((f) => f.number === 2);
  const meta = typeMeta
    ? decodeMessage(bytesOf(typeMeta), { 1: ['apiVersion', 'string'], 2: ['kind', 'string'] })
    : {};
  const apiVersion = typeof meta['apiVersion'] === 'string' ? meta['apiVersion'] : '';
  const kind = typeof meta['kind'] === 'string' ? meta['kind'] : '';
  const schema = schemasByKind[`${apiVersion}/${kind}`];
  if (!schema || !raw) throw unsupported();
  return { apiVersion, kind, ...decodeMessage(bytesOf(raw), schema) };
}
