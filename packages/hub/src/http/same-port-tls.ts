// HTTP and HTTPS on one port. The first byte of a connection tells them apart (0x16 opens every
// TLS handshake), so browsers can use http://host:8080 while kubectl, which sends bearer tokens
// only over TLS, uses https://host:8080 — with one address in every doc and kubeconfig.
import type { Server } from 'node:http';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:https';
import type { Socket } from 'node:net';

const tlsHandshakeByte = 0x16;

type ConnectionListener = (socket: Socket) => void;

function sniff(socket: Socket, onFirstByte: (isTls: boolean) => void): void {
  socket.once('readable', () => {
    const first = socket.read(1) as Buffer | null;
    if (first === null) return void socket.destroy();
    socket.unshift(first);
    onFirstByte(first[0] === tlsHandshakeByte);
  });
}

/** Makes `server` also accept TLS on its port, handing decrypted requests and upgrades to it. */
export function acceptTlsOnSamePort(
  server: Server,
  credentials: { cert: string; key: string },
): TlsServer {
  const secure = createTlsServer(credentials);
  secure.on('request', (request, response) => server.emit('request', request, response));
  secure.on('upgrade', (request, socket, head) => server.emit('upgrade', request, socket, head));
  const plainListeners = server.listeners('connection') as ConnectionListener[];
  server.removeAllListeners('connection');
  server.on('connection', (socket: Socket) => {
    sniff(socket, (isTls) => {
      if (isTls) secure.emit('connection', socket);
      else for (const listener of plainListeners) listener.call(server, socket);
    });
  });
  server.on('close', () => secure.close());
  return secure;
}
