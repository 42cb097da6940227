// The remote-command channel protocol over WebSocket (v4/v5.channel.k8s.io): one byte of stream id per message, v5's close signal, and the exit Status.
import type { WebSocket } from 'ws';
import type { StdinSource } from './shell/process-io.ts';

/** Stream ids of the remote-command protocol. */
export const channels = {
  stdin: 0,
  stdout: 1,
  stderr: 2,
  error: 3,
  resize: 4,
  close: 255,
} as const;

/** The remote-command subprotocols served, best first; v5 adds the close signal for stdin. */
export const remoteCommandProtocols = ['v5.channel.k8s.io', 'v4.channel.k8s.io'] as const;

/** Stdin fed by the client's stdin messages, ending with v5's close signal or the connection. */
class ChannelStdin implements StdinSource {
  readonly #chunks: Buffer[] = [];
  #isEnded = false;
  #wake: (() => void) | undefined;

  push(chunk: Buffer): void {
    if (this.#isEnded) return;
    this.#chunks.push(chunk);
    this.#wake?.();
  }

  end(): void {
    this.#isEnded = true;
    this.#wake?.();
  }

  async read(): Promise<Buffer | undefined> {
    while (this.#chunks.length === 0 && !this.#isEnded) {
      await new Promise<void>((resolve) => (this.#wake = resolve));
      this.#wake = undefined;
    }
    return this.#chunks.shift();
  }
}

/** The exit Status the error channel carries, as the kubelet reports it. */
export function exitStatus(code: number, argv: readonly string[]): Record<string, unknown> {
  if (code === 0) return { metadata: {}, status: 'Success' };
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [${argv.join(' ')}], exit code ${code}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
  };
}

/** One remote-command session on an upgraded WebSocket. */
export class ChannelStream {
  readonly stdin = new ChannelStdin();
  readonly #ws: WebSocket;
  readonly #aborter = new AbortController();

  constructor(ws: WebSocket) {
    this.#ws = ws;
    ws.on('message', (data: Buffer) => this.#receive(data));
    ws.on('close', () => {
      this.stdin.end();
      this.#aborter.abort();
    });
    ws.on('error', () => this.#aborter.abort());
  }

  /** Aborted once the client is gone. */
  get signal(): AbortSignal {
    return this.#aborter.signal;
  }

  /** Sends `data` on stdout or stderr. */
  write(channel: 1 | 2, data: string | Buffer): void {
    if (this.#ws.readyState !== this.#ws.OPEN) return;
    const payload = typeof data === 'string' ? Buffer.from(data) : data;
    if (payload.length > 0) this.#ws.send(Buffer.concat([Buffer.from([channel]), payload]));
  }

  /** Reports the exit `status` on the error channel and closes the connection. */
  finish(status: Record<string, unknown>): void {
    if (this.#ws.readyState !== this.#ws.OPEN) return;
    this.#ws.send(
      Buffer.concat([Buffer.from([channels.error]), Buffer.from(JSON.stringify(status))]),
    );
    this.#ws.close(1000);
  }

  #receive(data: Buffer): void {
    const [channel, target] = data;
    if (channel === channels.stdin) this.stdin.push(data.subarray(1));
    else if (channel === channels.close && target === channels.stdin) this.stdin.end();
  }
}
