// `pods/portforward` over SPDY tunnelled in WebSocket: each forwarded connection gets an error and a data stream, and the data stream reaches an echo server.
import type { WebSocket } from 'ws';
import { arrayAt, numberAt } from '../api/table/json-path.ts';
import type { StoredObject } from '../api/types.ts';
import { HeaderReader, HeaderWriter } from './spdy-headers.ts';
import {
  controlFrame,
  controlTypes,
  dataFrame,
  finFlag,
  FrameParser,
  withStreamId,
} from './spdy-frames.ts';
import type { SpdyFrame } from './spdy-frames.ts';

/** The ports the pod's containers declare; each has a simulated echo server behind it. */
export function declaredPorts(pod: StoredObject): Set<number> {
  const ports = arrayAt(pod, 'spec.containers').flatMap((c) => arrayAt(c, 'ports'));
  return new Set(ports.map((port) => numberAt(port, 'containerPort')));
}

/** One forwarded connection: its pair of streams. */
interface Forward {
  errorStream?: number;
  dataStream?: number;
  /** Nothing listens on the port: the error stream said so, and the data stream ends at once. */
  isRefused?: boolean;
}

/** One port-forward connection from kubectl. */
class PortForwardSession {
  readonly #ws: WebSocket;
  readonly #pod: StoredObject;
  readonly #ports: Set<number>;
  readonly #parser = new FrameParser();
  readonly #headersIn = new HeaderReader();
  readonly #headersOut = new HeaderWriter();
  readonly #forwards = new Map<string, Forward>();
  readonly #requestOf = new Map<number, string>();

  constructor(ws: WebSocket, pod: StoredObject) {
    this.#ws = ws;
    this.#pod = pod;
    this.#ports = declaredPorts(pod);
    ws.on('message', (data: Buffer) => {
      for (const frame of this.#parser.push(data)) this.#handle(frame);
    });
  }

  #send(bytes: Buffer): void {
    if (this.#ws.readyState === this.#ws.OPEN) this.#ws.send(bytes);
  }

  #handle(frame: SpdyFrame): void {
    if (frame.kind === 'data') return this.#onData(frame.streamId, frame.data, frame.flags);
    const { type, payload } = frame;
    if (type === controlTypes.synStream) this.#onSynStream(payload);
    else if (type === controlTypes.ping) this.#send(controlFrame(controlTypes.ping, 0, payload));
    else if (type === controlTypes.rstStream) this.#forget(payload.readUInt32BE(0) & 0x7fffffff);
    else if (type === controlTypes.goAway) this.#ws.close(1000);
  }

  #onSynStream(payload: Buffer): void {
    const streamId = payload.readUInt32BE(0) & 0x7fffffff;
    const headers = this.#headersIn.read(payload.subarray(10));
    const reply = this.#headersOut.write(new Map());
    this.#send(controlFrame(controlTypes.synReply, 0, withStreamId(streamId, reply)));
    const requestId = headers.get('requestid') ?? String(streamId);
    const forward = this.#forwards.get(requestId) ?? {};
    this.#forwards.set(requestId, forward);
    this.#requestOf.set(streamId, requestId);
    const port = Number(headers.get('port'));
    forward.isRefused = !this.#ports.has(port);
    if (headers.get('streamtype') === 'error') {
      forward.errorStream = streamId;
      if (forward.isRefused) this.#refuse(streamId, port);
    } else {
      forward.dataStream = streamId;
      if (forward.isRefused) this.#send(dataFrame(streamId, Buffer.alloc(0), finFlag));
    }
  }

  #refuse(errorStream: number, port: number): void {
    const pod = this.#pod.metadata;
    const message = `error forwarding port ${port} to pod ${pod.uid}, uid : failed to connect to localhost:${port} inside namespace "${pod.namespace ?? ''}/${pod.name}": connect: connection refused`;
    this.#send(dataFrame(errorStream, Buffer.from(message)));
    this.#send(dataFrame(errorStream, Buffer.alloc(0), finFlag));
  }

  /** The echo server: what arrives on a data stream goes back; the end of input ends both streams. */
  #onData(streamId: number, data: Buffer, flags: number): void {
    const forward = this.#forwards.get(this.#requestOf.get(streamId) ?? '');
    if (!forward || forward.dataStream !== streamId || forward.isRefused) return;
    if (data.length > 0) this.#send(dataFrame(streamId, data));
    if ((flags & finFlag) === 0) return;
    this.#send(dataFrame(streamId, Buffer.alloc(0), finFlag));
    if (forward.errorStream !== undefined)
      this.#send(dataFrame(forward.errorStream, Buffer.alloc(0), finFlag));
  }

  #forget(streamId: number): void {
    const requestId = this.#requestOf.get(streamId);
    this.#requestOf.delete(streamId);
    if (requestId === undefined) return;
    const isPairGone = ![...this.#requestOf.values()].includes(requestId);
    if (isPairGone) this.#forwards.delete(requestId);
  }
}

/** Serves a port-forward connection on `ws` until kubectl closes it. */
export function runPortForward(ws: WebSocket, pod: StoredObject): void {
  new PortForwardSession(ws, pod);
}
