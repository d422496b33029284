/**
 * A real OpenSSH server for integration tests: `sshd -D -e` on 127.0.0.1 and a free port, with its
 * own host key, one authorized client key and a config in a temp dir. Stopped by its PID.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Sshd {
  port: number;
  pid: number;
  dir: string;
  /** The server's Ed25519 host key blob. */
  hostKey: Buffer;
  /** Private key authorized for root. */
  clientKeyPath: string;
  /** What sshd wrote to stderr so far (LogLevel VERBOSE). */
  log(): string;
  stop(): Promise<void>;
}

export interface SshdOptions {
  /** Reuse a client key (so one key reaches several servers). */
  clientKeyPath?: string;
  /** Listen on this port instead of a free one (to start a server a client already waits for). */
  port?: number;
  extraConfig?: string[];
}

const SSHD = '/usr/sbin/sshd';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

function keygen(path: string, type: 'ed25519' | 'rsa'): void {
  execFileSync('ssh-keygen', ['-q', '-t', type, '-N', '', '-C', 'rigger-test', '-f', path]);
}

function publicBlob(pubLine: string): Buffer {
  const base64 = pubLine.trim().split(/\s+/)[1];
  if (base64 === undefined) throw new Error(`not a public key line: ${pubLine}`);
  return Buffer.from(base64, 'base64');
}

async function accepting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      resolve(false);
    });
  });
}

export async function startSshd(options: SshdOptions = {}): Promise<Sshd> {
  // sshd refuses to start without its privilege separation directory; systemd hosts have it.
  if (!existsSync('/run/sshd')) mkdirSync('/run/sshd', { mode: 0o755 });
  const dir = await mkdtemp(join(tmpdir(), 'rigger-sshd-'));
  const hostKeyPath = join(dir, 'ssh_host_ed25519_key');
  keygen(hostKeyPath, 'ed25519');
  const clientKeyPath = options.clientKeyPath ?? join(dir, 'client_key');
  if (options.clientKeyPath === undefined) keygen(clientKeyPath, 'ed25519');
  await writeFile(join(dir, 'authorized_keys'), await readFile(`${clientKeyPath}.pub`, 'utf8'));

  const port = options.port ?? (await freePort());
  const config = [
    `Port ${port}`,
    'ListenAddress 127.0.0.1',
    `HostKey ${hostKeyPath}`,
    `PidFile ${join(dir, 'sshd.pid')}`,
    `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
    'PermitRootLogin prohibit-password',
    'PubkeyAuthentication yes',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'UsePAM no',
    'StrictModes no',
    'AllowTcpForwarding yes',
    'LogLevel VERBOSE',
    ...(options.extraConfig ?? []),
  ];
  const configPath = join(dir, 'sshd_config');
  await writeFile(configPath, config.join('\n') + '\n');

  const child: ChildProcess = spawn(SSHD, ['-D', '-e', '-f', configPath], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString('utf8');
  });
  const state = { exited: false };
  child.once('exit', () => {
    state.exited = true;
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('sshd did not start');

  for (let i = 0; i < 100 && !(await accepting(port)); i++) {
    if (state.exited) throw new Error(`sshd exited at start:\n${log}`);
    await sleep(50);
  }

  return {
    port,
    pid,
    dir,
    hostKey: publicBlob(await readFile(`${hostKeyPath}.pub`, 'utf8')),
    clientKeyPath,
    log: () => log,
    stop: async () => {
      if (!state.exited) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        process.kill(pid, 'SIGTERM');
        await gone;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
