// SPDY/3.1 framing: splits a byte stream into data and control frames, and writes the frames a port-forward server sends.

/** Control frame types used by port-forward. */
export const controlTypes = {
  synStream: 1,
  synReply: 2,
  rstStream: 3,
  settings: 4,
  ping: 6,
  goAway: 7,
  headers: 8,
  windowUpdate: 9,
} as const;

/** FLAG_FIN: the sender will send nothing more on the stream. */
export const finFlag = 0x01;

/** One SPDY frame. */
export type SpdyFrame =
  | {
      readonly kind: 'data';
      readonly streamId: number;
      readonly flags: number;
      readonly data: Buffer;
    }
  | {
      readonly kind: 'control';
      readonly type: number;
      readonly flags: number;
      readonly payload: Buffer;
    };

/** Accumulates bytes and yields whole frames. */
export class FrameParser {
  #buffer: Buffer = Buffer.alloc(0);

  /** The frames completed by `chunk`. */
  push(chunk: Buffer): SpdyFrame[] {
    this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
    const frames: SpdyFrame[] = [];
    while (this.#buffer.length >= 8) {
      const length = this.#buffer.readUIntBE(5, 3);
      if (this.#buffer.length < 8 + length) break;
      frames.push(frameOf(this.#buffer.subarray(0, 8 + length)));
      this.#buffer = this.#buffer.subarray(8 + length);
    }
    return frames;
  }
}

function frameOf(bytes: Buffer): SpdyFrame {
  const flags = bytes.readUInt8(4);
  const body = bytes.subarray(8);
  const first = bytes.readUInt32BE(0);
  if ((first & 0x80000000) === 0) return { kind: 'data', streamId: first, flags, data: body };
  return { kind: 'control', type: first & 0xffff, flags, payload: body };
}

function header(first: number, flags: number, length: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeUInt32BE(first >>> 0, 0);
  bytes.writeUInt8(flags, 4);
  bytes.writeUIntBE(length, 5, 3);
  return bytes;
}

/** A control frame of `type` with `payload`. */
export function controlFrame(type: number, flags: number, payload: Buffer): Buffer {
  return Buffer.concat([header((0x8003 << 16) | type, flags, payload.length), payload]);
}

/** A data frame on `streamId`. */
export function dataFrame(streamId: number, data: Buffer, flags = 0): Buffer {
  return Buffer.concat([header(streamId & 0x7fffffff, flags, data.length), data]);
}

/** A 32-bit big-endian field followed by `rest`. */
export function withStreamId(streamId: number, rest: Buffer = Buffer.alloc(0)): Buffer {
  const id = Buffer.alloc(4);
  id.writeUInt32BE(streamId & 0x7fffffff);
  return Buffer.concat([id, rest]);
}
