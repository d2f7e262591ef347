import { createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';

/** What an OpenSSH server sends first, before the client says anything (RFC 4253 section 4.2). */
export const SSH_BANNER = 'SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13.5';

/**
 * A real TCP service on 127.0.0.1 that is not a mail server: it greets each connection
 * with `banner` and keeps it open, as an SSH server does. What a "Send test email"
 * pointed at another service meets.
 */
export async function startBannerServer(banner: string = SSH_BANNER): Promise<{ port: number; stop(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.write(`${banner}\r\n`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
