/**
 * The lab's registration address: a plain L4 (TCP) load balancer like the one a real cluster puts
 * in front of its RKE2 servers. It listens on the registration address for RKE2's supervisor
 * (9345) and API (6443) ports and hands each connection to a healthy backend on the same port.
 *
 * Every lab host is a backend. A host that runs no RKE2 server refuses the port, so the connect
 * itself is the health check: a backend whose connect fails or takes longer than a second is
 * skipped and left out for a few seconds, and a connection no backend takes is closed. A server
 * that joins later (spare-1 replacing cp-2) becomes a backend without any reconfiguration. No TLS
 * is terminated here: the bytes go through as they are, so clients see the servers' own
 * certificates, as behind a real L4 balancer.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { RunError } from '../core/errors.ts';

export interface RegistrationProxyOptions {
  listenAddress: string;
  /** Each port is listened on and forwarded to the same port on a backend. */
  ports: readonly number[];
  /** Backend addresses, tried round-robin. */
  backends: readonly string[];
  /** A backend that has not accepted within this time is skipped (default 1 s). */
  connectTimeoutMs?: number;
  /** How long a failed backend is left out before it is tried again (default 5 s). */
  downForMs?: number;
  /** Backend state changes and refused connections; lines are about `address:port`. */
  log?: (line: string) => void;
}

export interface RunningRegistrationProxy {
  /** Stops listening and drops every open connection. */
  close: () => Promise<void>;
}

export const CONNECT_TIMEOUT_MS = 1000;
export const DOWN_FOR_MS = 5000;
/** Connections closed for want of a backend are reported at most this often per port. */
const NO_BACKEND_REPORT_MS = 10_000;

interface Backend {
  address: string;
  /** Time before which the backend is not tried; 0 when it is not known to be down. */
  downUntil: number;
  /** Last known health, so that only changes are logged. */
  health: 'unknown' | 'up' | 'down';
}

/** One listening port: its backends in a fixed order and where round-robin continues. */
class PortBalancer {
  private readonly backends: Backend[];
  private next = 0;
  private closedWithoutBackend = 0;
  private lastReport = 0;

  constructor(
    readonly port: number,
    addresses: readonly string[],
    private readonly connectTimeoutMs: number,
    private readonly downForMs: number,
    private readonly log: (line: string) => void,
  ) {
    this.backends = addresses.map((address) => ({ address, downUntil: 0, health: 'unknown' }));
  }

  /** Finds a backend for the client and splices the two; closes the client when none answers. */
  async take(client: Socket): Promise<void> {
    // A function, not a flag: the client can go away while this function awaits a backend.
    const gone = (): boolean => client.destroyed;
    client.on('error', () => {
      client.destroy();
    });
    const n = this.backends.length;
    const start = this.next;
    for (let i = 0; i < n && !gone(); i++) {
      const idx = (start + i) % n;
      const b = this.backends[idx];
      if (b === undefined || b.downUntil > Date.now()) continue;
      const result = await connectWithin(b.address, this.port, this.connectTimeoutMs);
      if (typeof result === 'string') {
        this.markDown(b, result);
        continue;
      }
      this.markUp(b);
      // The next connection starts after this backend: round-robin over the healthy ones.
      this.next = (idx + 1) % n;
      if (gone()) {
        result.destroy();
        return;
      }
      splice(client, result);
      return;
    }
    if (gone()) return;
    this.reportNoBackend();
    refuse(client);
  }

  private markDown(b: Backend, reason: string): void {
    b.downUntil = Date.now() + this.downForMs;
    if (b.health !== 'down') {
      this.log(
        `${b.address}:${this.port} down (${reason}); skipped for ${this.downForMs / 1000} s at a time`,
      );
    }
    b.health = 'down';
  }

  private markUp(b: Backend): void {
    b.downUntil = 0;
    if (b.health !== 'up') this.log(`${b.address}:${this.port} up`);
    b.health = 'up';
  }

  private reportNoBackend(): void {
    this.closedWithoutBackend++;
    const now = Date.now();
    if (now - this.lastReport < NO_BACKEND_REPORT_MS) return;
    this.log(
      `:${this.port}: closed ${this.closedWithoutBackend} connection(s): no backend answered ` +
        `(${this.backends.map((b) => b.address).join(', ')})`,
    );
    this.closedWithoutBackend = 0;
    this.lastReport = now;
  }
}

/**
 * Closes a client no backend took with a FIN rather than a reset: what it already sent is read
 * and dropped (unread data would make the kernel reset), and it gets a moment to close its side.
 */
function refuse(client: Socket): void {
  client.on('data', () => undefined);
  client.end();
  setTimeout(() => client.destroy(), 2000).unref();
}

/** A connected socket, or why there is none (error code or timeout). */
function connectWithin(address: string, port: number, timeoutMs: number): Promise<Socket | string> {
  return new Promise((resolveConnect) => {
    const socket = createConnection({ host: address, port, allowHalfOpen: true });
    const timer = setTimeout(() => {
      socket.destroy();
      resolveConnect(`no answer within ${timeoutMs} ms`);
    }, timeoutMs);
    const onError = (err: NodeJS.ErrnoException): void => {
      clearTimeout(timer);
      socket.destroy();
      resolveConnect(err.code ?? err.message);
    };
    socket.once('error', onError);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.off('error', onError);
      resolveConnect(socket);
    });
  });
}

/**
 * Copies bytes both ways. Half-closes pass through (a client's FIN becomes one to the backend and
 * the answer still flows back); a reset or error on either side drops both.
 */
function splice(client: Socket, backend: Socket): void {
  for (const s of [client, backend]) {
    s.setNoDelay(true);
    s.setKeepAlive(true, 30_000);
  }
  const drop = (): void => {
    client.destroy();
    backend.destroy();
  };
  client.on('error', drop);
  backend.on('error', drop);
  // A side that closed cleanly has sent and received everything; the other may still flush.
  client.once('close', (hadError: boolean) => (hadError ? drop() : backend.end()));
  backend.once('close', (hadError: boolean) => (hadError ? drop() : client.end()));
  client.pipe(backend);
  backend.pipe(client);
}

/** Listens on every port and forwards until closed. Fails when a port cannot be listened on. */
export async function startRegistrationProxy(
  opts: RegistrationProxyOptions,
): Promise<RunningRegistrationProxy> {
  const log = opts.log ?? (() => undefined);
  if (opts.backends.length === 0) throw new RunError('the registration proxy needs at least one backend');
  const sockets = new Set<Socket>();
  const servers: Server[] = [];
  const closeAll = async (): Promise<void> => {
    await Promise.all(
      servers.map(
        (s) =>
          new Promise<void>((resolveClose) => {
            s.close(() => {
              resolveClose();
            });
          }),
      ),
    );
  };
  const dropAll = (): void => {
    for (const s of sockets) s.destroy();
  };
  try {
    for (const port of opts.ports) {
      const balancer = new PortBalancer(
        port,
        opts.backends,
        opts.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
        opts.downForMs ?? DOWN_FOR_MS,
        log,
      );
      // Paused until spliced, so nothing the client sends early is lost.
      const server = createServer({ allowHalfOpen: true, pauseOnConnect: true }, (client) => {
        sockets.add(client);
        client.once('close', () => sockets.delete(client));
        void balancer.take(client);
      });
      servers.push(server);
      await new Promise<void>((resolveListen, reject) => {
        server.once('error', (err: NodeJS.ErrnoException) => {
          reject(
            new RunError(`cannot listen on ${opts.listenAddress}:${port}: ${err.code ?? err.message}`, {
              cause: err,
            }),
          );
        });
        server.listen({ host: opts.listenAddress, port }, () => {
          resolveListen();
        });
      });
    }
  } catch (err) {
    dropAll();
    await closeAll();
    throw err;
  }
  log(`listening on ${opts.listenAddress}:${opts.ports.join(',')}; backends ${opts.backends.join(', ')}`);
  return {
    close: async () => {
      const closing = closeAll();
      dropAll();
      await closing;
    },
  };
}

/** Runs the proxy until SIGTERM or SIGINT: the body of the lab's detached `proxy-serve` process. */
export async function serveRegistrationProxy(opts: RegistrationProxyOptions): Promise<void> {
  const proxy = await startRegistrationProxy(opts);
  const signal = await new Promise<string>((resolveSignal) => {
    for (const s of ['SIGTERM', 'SIGINT'] as const) process.once(s, () => resolveSignal(s));
  });
  opts.log?.(`stopping on ${signal}`);
  await proxy.close();
}
