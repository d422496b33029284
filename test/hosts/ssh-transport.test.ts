/**
 * The SSH transport against a real OpenSSH server (see sshd-fixture.ts): host keys, bastion,
 * commands, timeouts, atomic writes and a connection cut in the middle of one.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConnectionError, RemoteCommandError } from '../../src/core/errors.ts';
import { Redactor } from '../../src/core/redact.ts';
import { fingerprint, formatKnownHostsLine, knownHostsName } from '../../src/hosts/known-hosts.ts';
import type { SshTarget } from '../../src/hosts/ssh-target.ts';
import { connectSsh, type SshTransportDeps } from '../../src/hosts/ssh-transport.ts';
import type { Transport } from '../../src/hosts/transport.ts';
import { freePort, startSshd, type Sshd } from './sshd-fixture.ts';
import { startTcpProxy } from './tcp-proxy.ts';

const SECRET = 'hunter2-cluster-token-9f8e7d';
const FAST_RETRY = { attempts: 3, initialDelayMs: 50, maxDelayMs: 100 };

let sshd: Sshd;
let knownHosts: string;
const opened: Transport[] = [];
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  sshd = await startSshd();
  knownHosts = join(sshd.dir, 'known_hosts');
  writeFileSync(knownHosts, formatKnownHostsLine(knownHostsName('127.0.0.1', sshd.port), sshd.hostKey));
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((t) => t.close()));
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

afterAll(async () => {
  await sshd.stop();
});

function target(overrides: Partial<SshTarget> = {}): SshTarget {
  return {
    name: 'node-1',
    address: '127.0.0.1',
    port: sshd.port,
    user: 'root',
    privateKeyPath: sshd.clientKeyPath,
    knownHostsPath: knownHosts,
    hostKeyPolicy: 'strict',
    become: true,
    connectTimeoutMs: 5000,
    commandTimeoutMs: 30_000,
    ...overrides,
  };
}

async function connect(t: SshTarget = target(), deps: Partial<SshTransportDeps> = {}): Promise<Transport> {
  const redactor = new Redactor();
  redactor.add(SECRET);
  const transport = await connectSsh(t, { redactor, retry: FAST_RETRY, ...deps });
  opened.push(transport);
  return transport;
}

/** The error a promise rejects with, checked to be of the expected class. */
async function failure<E extends Error>(
  promise: Promise<unknown>,
  kind: new (...args: never[]) => E,
): Promise<E> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof kind) return err;
    throw err;
  }
  throw new Error(`expected a ${kind.name}`);
}

/** A scratch directory on the host, removed after the test. */
async function remoteDir(): Promise<string> {
  const t = await connect();
  const dir = (await t.run('mktemp -d /tmp/rigger-it.XXXXXX')).stdout.trim();
  cleanups.push(async () => {
    const cleaner = await connect();
    await cleaner.run(`rm -rf ${dir}`);
    await cleaner.close();
  });
  return dir;
}

describe('commands', () => {
  it('exec returns stdout, stderr and a non-zero exit code without throwing', async () => {
    const t = await connect();
    const r = await t.exec('echo out; echo err >&2; exit 3');
    expect(r).toEqual({ stdout: 'out\n', stderr: 'err\n', code: 3 });
  });

  it('runs commands as POSIX sh -c, quotes and all', async () => {
    const t = await connect();
    const r = await t.run(`x='it'"'"'s'; printf '%s|%s' "$x" "$(echo "$0")"`);
    expect(r.stdout).toBe(`it's|sh`);
  });

  it('run throws RemoteCommandError with host, command, exit code and the stderr tail', async () => {
    const t = await connect();
    const err = await failure(
      t.run('for i in $(seq 1 50); do echo line-$i >&2; done; exit 7'),
      RemoteCommandError,
    );
    expect([err.host, err.exitCode]).toEqual(['node-1', 7]);
    expect(err.command).toContain('seq 1 50');
    expect(err.stderrTail.split('\n')).toEqual(Array.from({ length: 20 }, (_, i) => `line-${i + 31}`));
  });

  it('never lets a registered secret reach a RemoteCommandError or the log', async () => {
    const lines: string[] = [];
    const t = await connect(target(), { log: (l) => lines.push(l) });
    const err = await failure(t.run(`echo "token is ${SECRET}" >&2; exit 4`), RemoteCommandError);
    expect(err.message).not.toContain(SECRET);
    expect(JSON.stringify(err)).not.toContain(SECRET);
    expect(err.message).toContain('token is ***');
    expect(lines.join('\n')).not.toContain(SECRET);
    expect(lines.some((l) => l.startsWith('node-1: $ '))).toBe(true);
  });

  it('counts every command, writeFile included, over one connection', async () => {
    const t = await connect();
    const dir = await remoteDir();
    await t.exec('true');
    await t.run('true');
    await t.writeFile(`${dir}/f`, 'x', { mode: 0o644 });
    expect(t.execCount).toBe(3);
    const sessions = await t.run('echo "$SSH_CONNECTION"');
    expect((await t.run('echo "$SSH_CONNECTION"')).stdout).toBe(sessions.stdout);
  });

  it('kills a command past its timeout on the host and raises RemoteCommandError 124', async () => {
    const t = await connect();
    const dir = await remoteDir();
    const started = Date.now();
    const err = await failure(
      t.exec(`sleep 60 & echo $! > ${dir}/pid; wait`, { timeoutMs: 500 }),
      RemoteCommandError,
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(err.exitCode).toBe(124);
    expect(err.message).toContain('timed out after 0.5 s');
    // Killed, not left running (a zombie counts as killed: nothing may reap it in a container).
    const state = await t.run(`awk '{print $3}' /proc/$(cat ${dir}/pid)/stat 2>/dev/null || echo gone`);
    expect(['gone', 'Z']).toContain(state.stdout.trim());
  });

  it('reconnects for the next command after the connection dropped between commands', async () => {
    const proxy = await startTcpProxy(sshd.port);
    cleanups.push(() => proxy.close());
    writeFileSync(knownHosts, formatKnownHostsLine(`[127.0.0.1]:${proxy.port}`, sshd.hostKey), { flag: 'a' });
    const lines: string[] = [];
    const t = await connect(target({ port: proxy.port }), { log: (l) => lines.push(l) });
    const first = (await t.run('echo "$SSH_CONNECTION"')).stdout;
    proxy.cut();
    await sleep(200);
    const second = (await t.run('echo "$SSH_CONNECTION"')).stdout;
    expect(second).not.toBe(first);
    expect(lines).toContain('node-1: connection was closed; reconnecting');
  });
});

describe('host keys', () => {
  it('refuses a host whose key differs from known_hosts, with both fingerprints, without retrying', async () => {
    const other = join(sshd.dir, 'other_key');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', other]);
    const otherBlob = Buffer.from(readFileSync(`${other}.pub`, 'utf8').split(' ')[1] ?? '', 'base64');
    const path = join(sshd.dir, 'wrong_known_hosts');
    writeFileSync(path, `# pinned\n${formatKnownHostsLine(`[127.0.0.1]:${sshd.port}`, otherBlob)}`);
    const lines: string[] = [];
    const err = await failure(
      connect(target({ knownHostsPath: path }), { log: (l) => lines.push(l) }),
      ConnectionError,
    );
    expect(err.retryable).toBe(false);
    expect(err.message).toContain(
      `expected ${fingerprint(otherBlob)} (known_hosts line 2), got ${fingerprint(sshd.hostKey)}`,
    );
    expect(lines.filter((l) => l.includes('retrying'))).toEqual([]);
  });

  it('refuses an unknown host under strict, naming the offered fingerprint and how to trust it', async () => {
    const path = join(sshd.dir, 'empty_known_hosts');
    writeFileSync(path, '');
    const err = await failure(connect(target({ knownHostsPath: path })), ConnectionError);
    expect(err.retryable).toBe(false);
    expect(err.message).toContain(`unknown host [127.0.0.1]:${sshd.port}`);
    expect(err.message).toContain(fingerprint(sshd.hostKey));
    expect(err.message).toContain(`ssh-keyscan -p ${sshd.port} -t ed25519 127.0.0.1`);
    expect(readFileSync(path, 'utf8')).toBe('');
  });

  it('trusts an unknown host under accept-new and appends it where ssh-keygen -F finds it', async () => {
    const path = join(sshd.dir, 'tofu', 'known_hosts');
    const t = await connect(target({ knownHostsPath: path, hostKeyPolicy: 'accept-new' }));
    expect((await t.run('echo ok')).stdout).toBe('ok\n');
    const found = execFileSync('ssh-keygen', ['-F', `[127.0.0.1]:${sshd.port}`, '-f', path], {
      encoding: 'utf8',
    });
    expect(found).toContain(sshd.hostKey.toString('base64'));
    // The second connection finds the key and appends nothing.
    await connect(target({ knownHostsPath: path, hostKeyPolicy: 'strict' }));
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(1);
  });
});

describe('connection failures', () => {
  it('retries a refused connection with backoff, then reports it as retryable', async () => {
    const lines: string[] = [];
    const port = await freePort();
    const err = await failure(connect(target({ port }), { log: (l) => lines.push(l) }), ConnectionError);
    expect(err.retryable).toBe(true);
    expect(err.message).toContain('ECONNREFUSED');
    expect(lines.filter((l) => l.startsWith('node-1: ') && l.includes('retrying'))).toHaveLength(2);
  });

  it('connects to a server that comes up while the client is backing off', async () => {
    const port = await freePort();
    const connecting = connect(
      target({ port, hostKeyPolicy: 'accept-new', knownHostsPath: join(sshd.dir, 'late_known_hosts') }),
      {
        retry: { attempts: 8, initialDelayMs: 200, maxDelayMs: 400 },
      },
    );
    await sleep(300);
    const late = await startSshd({ port, clientKeyPath: sshd.clientKeyPath });
    cleanups.push(() => late.stop());
    const t = await connecting;
    expect((await t.run('echo up')).stdout).toBe('up\n');
  });

  it('does not retry an authentication failure', async () => {
    const stranger = join(sshd.dir, 'stranger_key');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', stranger]);
    const lines: string[] = [];
    const err = await failure(
      connect(target({ privateKeyPath: stranger }), { log: (l) => lines.push(l) }),
      ConnectionError,
    );
    expect(err.retryable).toBe(false);
    expect(err.message).toContain(`authentication failed for user root with key ${stranger}`);
    expect(lines.filter((l) => l.includes('retrying'))).toEqual([]);
  });
});

describe('bastion', () => {
  it('reaches the target through the bastion, and the target sees the connection come from it', async () => {
    const inner = await startSshd({ clientKeyPath: sshd.clientKeyPath });
    cleanups.push(() => inner.stop());
    writeFileSync(knownHosts, formatKnownHostsLine(`[127.0.0.1]:${inner.port}`, inner.hostKey), {
      flag: 'a',
    });
    const bastion = bastionOf(sshd);
    const t = await connect(target({ port: inner.port, bastion }));

    const [, clientPort] = (await t.run('echo "$SSH_CONNECTION"')).stdout.trim().split(' ');
    // The socket the target sees as its client belongs to a process of the bastion's sshd.
    const owner = execFileSync('ss', ['-Htnp', 'state', 'established', `( sport = :${clientPort ?? ''} )`], {
      encoding: 'utf8',
    });
    const pid = Number(/pid=(\d+)/.exec(owner)?.[1]);
    expect(pid).not.toBe(process.pid);
    expect(ancestors(pid)).toContain(sshd.pid);
    expect(ancestors(pid)).not.toContain(inner.pid);
  });

  it('retries a target the bastion cannot reach, and names both in the error', async () => {
    const port = await freePort();
    const lines: string[] = [];
    const err = await failure(
      connect(target({ port, bastion: bastionOf(sshd) }), { log: (l) => lines.push(l) }),
      ConnectionError,
    );
    expect(err.retryable).toBe(true);
    expect(err.message).toContain(`node-1: 127.0.0.1:${port} (via bastion 127.0.0.1:${sshd.port})`);
    expect(lines.filter((l) => l.includes('retrying'))).toHaveLength(2);
  });

  it('checks the bastion host key like any other and refuses an unknown bastion', async () => {
    const path = join(sshd.dir, 'bastion_known_hosts');
    writeFileSync(path, formatKnownHostsLine(`[127.0.0.1]:${sshd.port + 1}`, sshd.hostKey));
    const bastion = bastionOf(sshd);
    const err = await failure(connect(target({ knownHostsPath: path, bastion })), ConnectionError);
    expect(err.retryable).toBe(false);
    expect(err.message).toContain(`bastion 127.0.0.1:${sshd.port}: unknown host [127.0.0.1]:${sshd.port}`);
  });
});

function bastionOf(server: Sshd): NonNullable<SshTarget['bastion']> {
  return {
    address: '127.0.0.1',
    port: server.port,
    user: 'root',
    privateKeyPath: server.clientKeyPath,
    connectTimeoutMs: 5000,
    commandTimeoutMs: 30_000,
  };
}

function ancestors(pid: number): number[] {
  const chain: number[] = [];
  for (let p = pid; p > 1;) {
    chain.push(p);
    const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
    p = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  }
  return chain;
}

describe('writeFile', () => {
  const statOf = async (t: Transport, path: string): Promise<string> =>
    (await t.run(`stat -c '%a %U %G %Y' ${path}`)).stdout.trim();

  it('creates the file and its missing parent directory with the requested mode and owner', async () => {
    const t = await connect();
    const dir = await remoteDir();
    const r = await t.writeFile(`${dir}/etc/config.yaml`, 'a: 1\n', {
      mode: 0o640,
      owner: 'nobody',
      group: 'nogroup',
    });
    expect(r).toEqual({ changed: true });
    expect((await t.run(`cat ${dir}/etc/config.yaml`)).stdout).toBe('a: 1\n');
    expect(await statOf(t, `${dir}/etc/config.yaml`)).toMatch(/^640 nobody nogroup /);
    expect((await t.run(`stat -c %a ${dir}/etc`)).stdout.trim()).toBe('755');
  });

  it('skips an unchanged file (changed: false) and leaves its mtime alone', async () => {
    const t = await connect();
    const dir = await remoteDir();
    await t.writeFile(`${dir}/f`, 'same', { mode: 0o600 });
    await t.run(`touch -d '2001-01-01 00:00:00' ${dir}/f`);
    const before = await statOf(t, `${dir}/f`);
    expect(await t.writeFile(`${dir}/f`, Buffer.from('same'), { mode: 0o600 })).toEqual({ changed: false });
    expect(await statOf(t, `${dir}/f`)).toBe(before);
  });

  it('changes the mode when only the mode differs', async () => {
    const t = await connect();
    const dir = await remoteDir();
    await t.writeFile(`${dir}/f`, 'm', { mode: 0o644 });
    expect(await t.writeFile(`${dir}/f`, 'm', { mode: 0o600 })).toEqual({ changed: true });
    expect(await statOf(t, `${dir}/f`)).toMatch(/^600 /);
  });

  it('never puts the content in the log or in an error', async () => {
    const lines: string[] = [];
    const t = await connect(target(), { log: (l) => lines.push(l) });
    const dir = await remoteDir();
    await t.run(`touch ${dir}/file`);
    const content = `token: ${SECRET}-and-more\n`;
    const err = await failure(
      t.writeFile(`${dir}/file/below-a-file`, content, { mode: 0o600 }),
      RemoteCommandError,
    );
    expect(err.message).toContain(`writeFile ${dir}/file/below-a-file (`);
    expect(JSON.stringify({ m: err.message, lines })).not.toContain('and-more');
  });

  it('leaves the target intact and no temp file behind when the connection dies mid-transfer', async () => {
    const proxy = await startTcpProxy(sshd.port);
    cleanups.push(() => proxy.close());
    writeFileSync(knownHosts, formatKnownHostsLine(`[127.0.0.1]:${proxy.port}`, sshd.hostKey), { flag: 'a' });
    const checker = await connect();
    const dir = await remoteDir();
    await checker.writeFile(`${dir}/big`, 'original\n', { mode: 0o644 });

    const t = await connect(target({ port: proxy.port }));
    const content = Buffer.alloc(20 * 1024 * 1024, 'x');
    const start = proxy.bytesUp;
    proxy.onUpstream = (bytes) => {
      if (bytes - start > 3 * 1024 * 1024) proxy.cut();
    };
    const err = await failure(t.writeFile(`${dir}/big`, content, { mode: 0o644 }), ConnectionError);
    expect(err.retryable).toBe(false);
    expect(err.message).toContain(`connection lost while running writeFile ${dir}/big`);

    expect((await checker.run(`cat ${dir}/big`)).stdout).toBe('original\n');
    await vi.waitFor(
      async () => {
        expect((await checker.run(`ls -A ${dir}`)).stdout).toBe('big\n');
      },
      { timeout: 10_000, interval: 200 },
    );
  });
});
