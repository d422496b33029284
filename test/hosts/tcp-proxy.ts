/**
 * A TCP proxy in front of a test sshd, so a test can cut a live SSH connection the way a network
 * failure does (both sockets destroyed) without reaching into ssh2's internals.
 */
import { connect, createServer, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  /** Bytes sent from clients towards the server so far, over all connections. */
  readonly bytesUp: number;
  /** Client connections accepted so far. */
  readonly connections: number;
  /** Called with the running byte count whenever client data passes. */
  onUpstream: ((bytesUp: number) => void) | undefined;
  /** Destroys every open connection (new ones are still accepted). */
  cut(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let bytesUp = 0;
  let connections = 0;
  const track = (s: Socket): void => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
  };
  const proxy: TcpProxy = {
    port: 0,
    get bytesUp() {
      return bytesUp;
    },
    get connections() {
      return connections;
    },
    onUpstream: undefined,
    cut() {
      for (const s of sockets) s.destroy();
    },
    close: () =>
      new Promise((resolve) => {
        proxy.cut();
        server.close(() => {
          resolve();
        });
      }),
  };
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    connections++;
    track(client);
    track(upstream);
    client.on('data', (chunk: Buffer) => {
      bytesUp += chunk.length;
      proxy.onUpstream?.(bytesUp);
    });
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address !== 'object') throw new Error('proxy has no port');
  proxy.port = address.port;
  return proxy;
}
