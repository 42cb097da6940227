// The field-type vocabulary of the protobuf schema tables, and the meta/v1 messages every kind embeds.

/**
 * How one field decodes into JSON. Plain `int`/`bool`/`intOrString` are Go pointer fields, written
 * only when set, so a zero is kept; the `,omitempty` forms are Go value fields, which protobuf always
 * writes and JSON omits when zero.
 */
export type FieldType =
  | 'string'
  | 'bytes'
  | 'int'
  | 'int,omitempty'
  | 'bool'
  | 'bool,omitempty'
  | 'time'
  | 'stringMap'
  | 'bytesMap'
  | 'quantity'
  | 'quantityMap'
  | 'intOrString'
  | 'intOrString,omitempty'
  | 'strings'
  | { readonly message: Schema; readonly isRepeated?: boolean; readonly isInline?: boolean };

/** A message: field number → JSON name and type. Unknown numbers are skipped. */
export type Schema = Readonly<Record<number, readonly [name: string, type: FieldType]>>;

const ownerReference: Schema = {
  1: ['kind', 'string'],
  3: ['name', 'string'],
  4: ['uid', 'string'],
  5: ['apiVersion', 'string'],
  6: ['controller', 'bool'],
  7: ['blockOwnerDeletion', 'bool'],
};

/** meta/v1 ObjectMeta. */
export const objectMeta: Schema = {
  1: ['name', 'string'],
  2: ['generateName', 'string'],
  3: ['namespace', 'string'],
  5: ['uid', 'string'],
  6: ['resourceVersion', 'string'],
  7: ['generation', 'int,omitempty'],
  11: ['labels', 'stringMap'],
  12: ['annotations', 'stringMap'],
  13: ['ownerReferences', { message: ownerReference, isRepeated: true }],
  14: ['finalizers', 'strings'],
};

/** The `metadata` field (number 1) of every top-level kind. */
export const metadata = ['metadata', { message: objectMeta }] as const;

/** meta/v1 LabelSelector with its requirements. */
export const labelSelector: Schema = {
  1: ['matchLabels', 'stringMap'],
  2: [
    'matchExpressions',
    {
      message: { 1: ['key', 'string'], 2: ['operator', 'string'], 3: ['values', 'strings'] },
      isRepeated: true,
    },
  ],
};
