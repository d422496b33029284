import { createConnection, createServer, type AddressInfo, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startRegistrationProxy, type RunningRegistrationProxy } from './registration-proxy.ts';

// Loopback has a whole /8: the proxy and each backend get their own address, on one port.
const PROXY = '127.0.0.2';
const A = '127.0.0.3';
const B = '127.0.0.4';
const DEAD = '127.0.0.5';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A backend that answers `<name>:<everything the client sent>` once the client half-closes. */
async function backend(name: string, address: string, port = 0): Promise<{ port: number; server: Server }> {
  const server = createServer({ allowHalfOpen: true }, (s) => {
    let got = '';
    s.on('data', (d: Buffer) => (got += d.toString()));
    s.on('end', () => s.end(`${name}:${got}`));
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen({ host: address, port }, resolveListen);
  });
  const stop = (): Promise<void> =>
    new Promise((resolveClose) => {
      server.close(() => {
        resolveClose();
      });
    });
  cleanups.push(stop);
  return { port: (server.address() as AddressInfo).port, server };
}

async function proxy(port: number, backends: string[], lines: string[]): Promise<RunningRegistrationProxy> {
  const p = await startRegistrationProxy({
    listenAddress: PROXY,
    ports: [port],
    backends,
    downForMs: 60_000,
    log: (l) => lines.push(l),
  });
  cleanups.push(p.close);
  return p;
}

/** Sends text through the proxy, half-closes, and returns what came back before the close. */
function exchange(port: number, text: string): Promise<string> {
  return new Promise((resolveReply, reject) => {
    const s = createConnection({ host: PROXY, port, allowHalfOpen: true });
    let got = '';
    s.on('data', (d: Buffer) => (got += d.toString()));
    s.on('error', reject);
    s.on('close', () => {
      resolveReply(got);
    });
    s.on('connect', () => s.end(text));
  });
}

describe('registration proxy', () => {
  it('forwards to a live backend, skipping one that refuses, and passes half-closes through', async () => {
    const lines: string[] = [];
    const { port } = await backend('a', A);
    await proxy(port, [DEAD, A], lines);
    expect(await exchange(port, 'hello')).toBe('a:hello');
    expect(await exchange(port, 'again')).toBe('a:again');
    expect(lines.filter((l) => l.startsWith(`${DEAD}:${port} down (ECONNREFUSED)`))).toHaveLength(1);
    expect(lines).toContain(`${A}:${port} up`);
  });

  it('goes round-robin over the live backends', async () => {
    const { port } = await backend('a', A);
    await backend('b', B, port);
    await proxy(port, [A, B], []);
    const replies = [];
    for (let i = 0; i < 4; i++) replies.push(await exchange(port, `${i}`));
    expect(replies).toEqual(['a:0', 'b:1', 'a:2', 'b:3']);
  });

  it('fails over when a backend stops, and leaves it out while it is marked down', async () => {
    const lines: string[] = [];
    const a = await backend('a', A);
    await backend('b', B, a.port);
    await proxy(a.port, [A, B], lines);
    expect(await exchange(a.port, 'x')).toBe('a:x');
    await new Promise<void>((resolveClose) => a.server.close(() => resolveClose()));
    const replies = [];
    for (let i = 0; i < 3; i++) replies.push(await exchange(a.port, `${i}`));
    expect(replies).toEqual(['b:0', 'b:1', 'b:2']);
    // Tried once, then skipped without another connect.
    expect(lines.filter((l) => l.startsWith(`${A}:${a.port} down`))).toHaveLength(1);
  });

  it('closes a connection no backend takes', async () => {
    const lines: string[] = [];
    // A port nothing listens on: take one, then free it.
    const { port, server } = await backend('gone', A);
    await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
    await proxy(port, [A, DEAD], lines);
    expect(await exchange(port, 'anyone?')).toBe('');
    expect(lines.some((l) => l.includes('no backend answered'))).toBe(true);
  });

  it('refuses to start on an address it cannot listen on', async () => {
    await expect(
      startRegistrationProxy({ listenAddress: '192.0.2.1', ports: [9345], backends: [A] }),
    ).rejects.toThrow(/cannot listen on 192\.0\.2\.1:9345: EADDRNOTAVAIL/);
  });
});
