// A minimal protobuf wire-format reader: enough to decode the Kubernetes objects kubectl sends as protobuf.

/** One field as read off the wire: varints as numbers, length-delimited fields as bytes. */
export interface WireField {
  readonly number: number;
  readonly value: number | Uint8Array;
}

/** Reads the fields of one message, in order; throws on truncated or unsupported input. */
export function readFields(bytes: Uint8Array): WireField[] {
  const fields: WireField[] = [];
  let offset = 0;
  // Negative int32/int64 values are ten-byte two's-complement varints, hence 64-bit BigInt arithmetic.
  const varint = (): number => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const byte = bytes[offset++];
      if (byte === undefined) throw new Error('truncated varint');
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return Number(BigInt.asIntN(64, result));
      shift += 7n;
    }
  };
  while (offset < bytes.length) {
    const tag = varint();
    const wireType = tag % 8;
    const number = Math.floor(tag / 8);
    if (wireType === 0) fields.push({ number, value: varint() });
    else if (wireType === 2) {
      const length = varint();
      if (offset + length > bytes.length) throw new Error('truncated field');
      fields.push({ number, value: bytes.subarray(offset, offset + length) });
      offset += length;
    } else if (wireType === 1 || wireType === 5) offset += wireType === 1 ? 8 : 4;
    else throw new Error(`unsupported wire type ${wireType}`);
  }
  return fields;
}
