// Decodes `application/vnd.kubernetes.protobuf` bodies (the `k8s\0` envelope) into JSON objects.
import { KubeError } from '../status.ts';
import { schemasByKind } from './schemas.ts';
import type { FieldType, Schema } from './schemas.ts';
import { readFields } from './wire.ts';
import type { WireField } from './wire.ts';

type ScalarType = Exclude<FieldType, object>;

const magic = [0x6b, 0x38, 0x73, 0x00];
const text = new TextDecoder();

function bytesOf(field: WireField | undefined): Uint8Array {
  return field === undefined || typeof field.value === 'number' ? new Uint8Array() : field.value;
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

/** resource.Quantity: one string field, which is also its JSON form. */
function quantity(bytes: Uint8Array): string {
  return text.decode(bytesOf(readFields(bytes).find((f) => f.number === 1)));
}

/** intstr.IntOrString {type, intVal, strVal}: a JSON number or string, as its type says. */
function intOrString(bytes: Uint8Array): number | string {
  const fields = readFields(bytes);
  const at = (number: number): WireField | undefined => fields.find((f) => f.number === number);
  if (at(1)?.value === 1) return text.decode(bytesOf(at(3)));
  const intVal = at(2)?.value;
  return typeof intVal === 'number' ? intVal : 0;
}

const mapValue: Partial<Record<ScalarType, (bytes: Uint8Array) => unknown>> = {
  stringMap: (bytes) => text.decode(bytes),
  bytesMap: base64,
  quantityMap: quantity,
};

function mapEntry(field: WireField, type: ScalarType): [string, unknown] {
  const entry = readFields(bytesOf(field));
  const key = text.decode(bytesOf(entry.find((f) => f.number === 1)));
  const value = bytesOf(entry.find((f) => f.number === 2));
  return [key, mapValue[type]?.(value)];
}

function scalar(type: ScalarType, field: WireField): unknown {
  switch (type) {
    case 'string':
    case 'strings':
      return text.decode(bytesOf(field));
    case 'bytes':
      return base64(bytesOf(field));
    case 'int':
    case 'int,omitempty':
      return Number(field.value);
    case 'bool':
    case 'bool,omitempty':
      return field.value === 1;
    case 'quantity':
      return quantity(bytesOf(field));
    case 'intOrString':
    case 'intOrString,omitempty':
      return intOrString(bytesOf(field));
    case 'time':
    case 'stringMap':
    case 'bytesMap':
    case 'quantityMap':
      return undefined;
  }
}

/** Go's protobuf writes value fields even when empty; JSON omits them, and defaulting relies on it. */
function isOmitted(type: ScalarType, value: unknown): boolean {
  if (value === undefined || value === '') return true;
  return type.endsWith(',omitempty') && (value === 0 || value === false);
}

function appended(result: Record<string, unknown>, name: string, value: unknown): unknown[] {
  return [...((result[name] as unknown[] | undefined) ?? []), value];
}

function decodeField(
  result: Record<string, unknown>,
  name: string,
  type: FieldType,
  field: WireField,
): void {
  if (typeof type === 'object') {
    const value = decodeMessage(bytesOf(field), type.message);
    if (type.isInline) Object.assign(result, value);
    else result[name] = type.isRepeated ? appended(result, name, value) : value;
  } else if (mapValue[type]) {
    const [key, value] = mapEntry(field, type);
    result[name] = { ...(result[name] as object | undefined), [key]: value };
  } else if (type === 'strings') {
    result[name] = appended(result, name, scalar(type, field));
  } else {
    const value = scalar(type, field);
    if (!isOmitted(type, value)) result[name] = value;
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
