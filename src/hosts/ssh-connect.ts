/**
 * Opening one SSH session to a host, directly or through a bastion, with host keys checked and
 * connection-level failures retried. Nothing here runs a command, so every retry is safe.
 */
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { NodeSSH } from 'node-ssh';
import type ssh2 from 'ssh2';
import { ConnectionError } from '../core/errors.ts';
import { HostKeyVerifier } from './host-key-verifier.ts';
import type { SshTarget } from './ssh-target.ts';

/** How connection attempts are repeated. Delays double from `initialDelayMs` up to `maxDelayMs`. */
export interface RetryPolicy {
  /** Total attempts, the first included. */
  attempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, initialDelayMs: 1000, maxDelayMs: 8000 };

/** An open connection to the target, and to its bastion when there is one. */
export interface SshSession {
  ssh: NodeSSH;
  client: ssh2.Client;
  /** Set once either connection has closed; the session cannot be used again. */
  readonly closed: boolean;
  close(): void;
}

type Hop = NonNullable<SshTarget['bastion']>;

interface Endpoint {
  /** How messages name this hop: the host itself, or `bastion ADDRESS:PORT`. */
  label: string;
  hop: Hop;
  verifier: HostKeyVerifier;
}

/** Opens a session, retrying failures that can heal (refused, timed out, reset before login). */
export async function openSession(
  target: SshTarget,
  options: { log?: (line: string) => void; retry: RetryPolicy },
): Promise<SshSession> {
  const { retry, log } = options;
  const endpoint = (hop: Hop, label: string): Endpoint => ({
    hop,
    label,
    verifier: new HostKeyVerifier({
      host: target.name,
      endpoint: { address: hop.address, port: hop.port },
      knownHostsPath: target.knownHostsPath,
      policy: target.hostKeyPolicy,
      ...(log ? { log } : {}),
    }),
  });
  const via = target.bastion ? `bastion ${target.bastion.address}:${target.bastion.port}` : undefined;
  const direct = endpoint(target, `${target.address}:${target.port}${via ? ` (via ${via})` : ''}`);
  const jump = target.bastion && via ? endpoint(target.bastion, via) : undefined;

  let bastion: NodeSSH | undefined;
  for (let attempt = 1; ; attempt++) {
    let current = jump ?? direct;
    try {
      let sock: ssh2.ClientChannel | undefined;
      if (jump) {
        if (bastion?.connection == null) bastion = await connectHop(jump);
        current = direct;
        sock = await bastion.forwardOut('127.0.0.1', 0, target.address, target.port);
      }
      const ssh = await connectHop(direct, sock);
      return session(ssh, bastion);
    } catch (err) {
      const error = toConnectionError(target.name, current, err);
      if (!error.retryable || attempt >= retry.attempts) {
        bastion?.dispose();
        throw error;
      }
      const delay = Math.min(retry.maxDelayMs, retry.initialDelayMs * 2 ** (attempt - 1));
      // Jitter, so hosts behind one bastion do not come back in lockstep and trip MaxStartups.
      const wait = Math.round(delay * (0.75 + Math.random() * 0.5));
      log?.(`${error.message} (attempt ${attempt} of ${retry.attempts}; retrying in ${wait} ms)`);
      await sleep(wait);
    }
  }
}

async function connectHop(endpoint: Endpoint, sock?: ssh2.ClientChannel): Promise<NodeSSH> {
  const { hop, verifier } = endpoint;
  const credentials = await credentialsFor(hop);
  const serverHostKey = await verifier.preferredAlgorithms();
  const ssh = new NodeSSH();
  try {
    await ssh.connect({
      ...(sock ? { sock } : { host: hop.address, port: hop.port }),
      username: hop.user,
      ...credentials,
      hostVerifier: verifier.hostVerifier,
      readyTimeout: hop.connectTimeoutMs,
      // Finds a dead peer during a long silent command instead of waiting on it for ever.
      keepaliveInterval: 15_000,
      keepaliveCountMax: 4,
      ...(serverHostKey ? { algorithms: { serverHostKey } } : {}),
    });
  } catch (err) {
    ssh.dispose();
    throw err;
  }
  // node-ssh stops listening for errors once connected, and an 'error' event nobody listens to
  // crashes the process. Whoever uses the connection learns of its loss from the 'close' event.
  ssh.connection?.on('error', () => undefined);
  return ssh;
}

/** The key file named by the inventory, else the operator's ssh-agent. */
async function credentialsFor(hop: Hop): Promise<{ privateKey: string } | { agent: string }> {
  if (hop.privateKeyPath !== undefined) {
    try {
      return { privateKey: await readFile(hop.privateKeyPath, 'utf8') };
    } catch (err) {
      throw new CredentialsError(`cannot read private key ${hop.privateKeyPath}: ${(err as Error).message}`);
    }
  }
  const agent = process.env.SSH_AUTH_SOCK;
  if (agent) return { agent };
  throw new CredentialsError(
    'no ssh.privateKeyPath in the inventory and no ssh-agent (SSH_AUTH_SOCK is not set)',
  );
}

/** A local problem with credentials: retrying will not fix it. */
class CredentialsError extends Error {}

const RETRYABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
]);

/** Sorts a failed attempt into "may heal, retry" and "will not heal, stop". */
function toConnectionError(host: string, endpoint: Endpoint, err: unknown): ConnectionError {
  const { label, hop, verifier } = endpoint;
  if (verifier.refusal !== undefined) {
    return new ConnectionError(host, `${label}: ${verifier.refusal}`, false, { cause: err });
  }
  const e = err as ssh2.ClientError & { reason?: unknown };
  const message = e instanceof Error ? e.message : String(err);
  if (err instanceof CredentialsError)
    return new ConnectionError(host, `${label}: ${message}`, false, { cause: err });
  switch (e.level) {
    case 'client-authentication':
      return new ConnectionError(
        host,
        `${label}: authentication failed for user ${hop.user} with ${hop.privateKeyPath ? `key ${hop.privateKeyPath}` : 'the ssh-agent keys'}`,
        false,
        { cause: err },
      );
    case 'client-timeout':
      return new ConnectionError(host, `${label}: no SSH login within ${hop.connectTimeoutMs} ms`, true, {
        cause: err,
      });
    case 'client-socket':
    case 'client-dns':
      return new ConnectionError(host, `${label}: ${message}`, RETRYABLE_SOCKET_CODES.has(e.code ?? ''), {
        cause: err,
      });
    case 'protocol':
      // "Connection lost before handshake": sshd starting up, or MaxStartups throttling.
      return new ConnectionError(host, `${label}: ${message}`, true, { cause: err });
    default:
      break;
  }
  // node-ssh's rejection when the socket closes before login; a bastion's channel open failure
  // (the target refused or is unreachable from the bastion) carries a numeric reason.
  const retryable = message === 'No response from server' || typeof e.reason === 'number';
  return new ConnectionError(host, `${label}: ${message}`, retryable, { cause: err });
}

function session(ssh: NodeSSH, bastion: NodeSSH | undefined): SshSession {
  const client = ssh.connection;
  if (client === null) throw new Error('connection closed right after login');
  let closed = false;
  const markClosed = (): void => {
    closed = true;
  };
  client.on('close', markClosed);
  bastion?.connection?.on('close', markClosed);
  return {
    ssh,
    client,
    get closed() {
      return closed;
    },
    close() {
      closed = true;
      ssh.dispose();
      bastion?.dispose();
    },
  };
}
