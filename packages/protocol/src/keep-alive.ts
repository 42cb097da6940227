// Dead-peer detection shared by hub and agent: a WebSocket ping every interval, and the socket is
// dropped after three intervals without a pong, so a half-open connection is noticed in seconds.
// A handshake still under way counts as silence too (pinging it would throw): one that hangs for
// three intervals is dropped like a dead peer.

/** The part of a WebSocket (the `ws` library's) that liveness needs. */
export interface PingableSocket {
  /** 1 (OPEN) once the handshake is done, as in the WebSocket API. */
  readonly readyState: number;
  ping(): void;
  terminate(): void;
  on(event: 'pong' | 'close', listener: () => void): unknown;
}

const missedPongsAllowed = 3;
const openState = 1;

/** Pings `socket` every `intervalMs`; calls `onAlive` on each pong; terminates a silent peer. */
export function keepAlive(socket: PingableSocket, intervalMs: number, onAlive: () => void): void {
  let missed = 0;
  const timer = setInterval(() => {
    if (missed >= missedPongsAllowed) {
      socket.terminate();
      return;
    }
    missed += 1;
    if (socket.readyState === openState) socket.ping();
  }, intervalMs);
  socket.on('pong', () => {
    missed = 0;
    onAlive();
  });
  socket.on('close', () => clearInterval(timer));
}
