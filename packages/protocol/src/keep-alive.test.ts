// Liveness: pings an open socket, never a connecting one, and drops a peer silent for three intervals.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import { keepAlive } from './keep-alive.ts';

/** A socket whose ping throws unless it is open, as the `ws` library's does. */
class FakeSocket extends EventEmitter {
  readyState = 0;
  pings = 0;
  isTerminated = false;
  ping(): void {
    if (this.readyState !== 1) throw new Error('WebSocket is not open: readyState 0 (CONNECTING)');
    this.pings += 1;
  }
  terminate(): void {
    this.isTerminated = true;
    this.emit('close');
  }
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits (2 s at most) until the socket is terminated; timers may lag on a busy machine. */
async function untilTerminated(socket: FakeSocket): Promise<void> {
  for (let waited = 0; !socket.isTerminated && waited < 2000; waited += 10) await tick(10);
}

void test('a handshake that never completes is dropped after three silent intervals, without a ping', async () => {
  const socket = new FakeSocket();
  keepAlive(socket, 10, () => undefined);
  await untilTerminated(socket);
  assert.equal(socket.pings, 0);
  assert.equal(socket.isTerminated, true);
});

void test('an open socket that answers pongs stays up; one that stops answering is dropped', async () => {
  const socket = new FakeSocket();
  socket.readyState = 1;
  let alive = 0;
  keepAlive(socket, 10, () => (alive += 1));
  for (let i = 0; i < 6; i += 1) {
    await tick(10);
    socket.emit('pong');
  }
  assert.equal(socket.isTerminated, false);
  assert.ok(socket.pings >= 3);
  assert.ok(alive >= 6);
  await untilTerminated(socket);
  assert.equal(socket.isTerminated, true);
});
