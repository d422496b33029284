/**
 * Host keys are pinned by default: most peer tools switch verification off, which makes every
 * connection open to interception. The decision is a pure function of the known_hosts file, the
 * offered key and the policy; the verifier around it adapts it to ssh2 and does trust on first use.
 */
import type ssh2 from 'ssh2';
import type { SshTarget } from './ssh-target.ts';
import {
  appendKnownHost,
  fingerprint,
  keyTypeOf,
  keysForHost,
  knownHostsName,
  readKnownHosts,
  type KnownHostEntry,
  type KnownHosts,
} from './known-hosts.ts';

/** How an unknown host is treated; a changed key is refused under every policy. */
export type HostKeyPolicy = SshTarget['hostKeyPolicy'];

/** Where a host is reached, as known_hosts names it. */
export interface HostEndpoint {
  address: string;
  port: number;
}

/** What to do with the key a host offered. */
export type HostKeyDecision =
  | { verdict: 'trusted'; fingerprint: string; line: number }
  /** Unknown host under `accept-new`: trust the key and record it. */
  | { verdict: 'trust-new'; fingerprint: string }
  | { verdict: 'refused'; reason: string };

/** Decides on an offered host key. Pure: the caller appends for `trust-new`. */
export function decideHostKey(
  known: KnownHosts,
  endpoint: HostEndpoint,
  offered: Buffer,
  policy: HostKeyPolicy,
): HostKeyDecision {
  const name = knownHostsName(endpoint.address, endpoint.port);
  const got = fingerprint(offered);
  const type = keyTypeOf(offered);
  const { trusted, revoked } = keysForHost(known, name);

  const revokedEntry = revoked.find((e) => e.key.equals(offered));
  if (revokedEntry) {
    return {
      verdict: 'refused',
      reason: `host key ${got} of ${name} is marked @revoked (known_hosts line ${revokedEntry.line} in ${known.path}); refusing to connect`,
    };
  }
  const match = trusted.find((e) => e.key.equals(offered));
  if (match) return { verdict: 'trusted', fingerprint: got, line: match.line };

  if (trusted.length > 0) {
    // Keys of the offered type are the ones it replaced; other types only show the host is known.
    const sameType = trusted.filter((e) => e.keyType === type);
    const expected = (sameType.length > 0 ? sameType : trusted).map(describeEntry).join(' or ');
    return {
      verdict: 'refused',
      reason:
        `HOST KEY CHANGED for ${name}: expected ${expected}, got ${got} (${type}). ` +
        `Someone may be intercepting the connection, or the host was reinstalled. If the new key is ` +
        `genuine, remove the old one (ssh-keygen -R '${name}' -f ${known.path}) and trust the new one.`,
    };
  }

  if (policy === 'accept-new') return { verdict: 'trust-new', fingerprint: got };
  const portFlag = endpoint.port === 22 ? '' : `-p ${endpoint.port} `;
  return {
    verdict: 'refused',
    reason:
      `unknown host ${name}: it offered ${type} key ${got}, which is not in ${known.path}. ` +
      `Check that fingerprint on the host (ssh-keygen -lf /etc/ssh/ssh_host_${keyscanType(type)}_key.pub), ` +
      `then trust it: ssh-keyscan ${portFlag}-t ${keyscanType(type)} ${endpoint.address} >> ${known.path}; ` +
      `or set ssh.hostKeyPolicy: accept-new to trust new hosts on first use.`,
  };
}

function describeEntry(entry: KnownHostEntry): string {
  return `${fingerprint(entry.key)} (known_hosts line ${entry.line})`;
}

/** ssh-keyscan's `-t` name (and the host key file's infix) for a key type. */
function keyscanType(type: string): string {
  if (type === 'ssh-ed25519') return 'ed25519';
  if (type.startsWith('ecdsa-')) return 'ecdsa';
  if (type === 'ssh-rsa') return 'rsa';
  if (type === 'ssh-dss') return 'dsa';
  return type;
}

/** Host key algorithms that can produce a key of each type ssh2 can verify. */
const ALGORITHMS_BY_KEY_TYPE: Readonly<Record<string, readonly string[]>> = {
  'ssh-ed25519': ['ssh-ed25519'],
  'ecdsa-sha2-nistp256': ['ecdsa-sha2-nistp256'],
  'ecdsa-sha2-nistp384': ['ecdsa-sha2-nistp384'],
  'ecdsa-sha2-nistp521': ['ecdsa-sha2-nistp521'],
  'ssh-rsa': ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'],
};

/** Serialises read-decide-append per file, so parallel first connections do not append twice. */
const fileLocks = new Map<string, Promise<unknown>>();

async function underFileLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  const previous = fileLocks.get(path) ?? Promise.resolve();
  const next = previous.then(work, work);
  fileLocks.set(path, next);
  try {
    return await next;
  } finally {
    if (fileLocks.get(path) === next) fileLocks.delete(path);
  }
}

export interface HostKeyVerifierOptions {
  /** Inventory name, for log lines. */
  host: string;
  endpoint: HostEndpoint;
  knownHostsPath: string;
  policy: HostKeyPolicy;
  log?: (line: string) => void;
}

/**
 * Checks one connection attempt's host key for ssh2. ssh2 only learns "rejected"; the reason is
 * kept in `refusal` so the transport can raise it, never retried.
 */
export class HostKeyVerifier {
  /** Why the last offered key was refused, if it was. */
  refusal: string | undefined;
  readonly #options: HostKeyVerifierOptions;

  constructor(options: HostKeyVerifierOptions) {
    this.#options = options;
  }

  /**
   * Puts the algorithms of already known key types first, as ssh does: a host known by its RSA
   * key must not be reported as changed because it also has an Ed25519 key the client prefers.
   */
  async preferredAlgorithms(): Promise<ssh2.AlgorithmList | undefined> {
    const { endpoint, knownHostsPath } = this.#options;
    const known = await readKnownHosts(knownHostsPath);
    const types = new Set(
      keysForHost(known, knownHostsName(endpoint.address, endpoint.port)).trusted.map((e) => e.keyType),
    );
    const algorithms = [...types].flatMap((t) => ALGORITHMS_BY_KEY_TYPE[t] ?? []);
    return algorithms.length > 0 ? { remove: algorithms, prepend: algorithms } : undefined;
  }

  /** ssh2's `hostVerifier`: answers asynchronously through `verify`. */
  readonly hostVerifier = (key: Buffer, verify: (valid: boolean) => void): undefined => {
    this.check(key).then(verify, (err: unknown) => {
      this.refusal = `cannot check the host key: ${err instanceof Error ? err.message : String(err)}`;
      verify(false);
    });
    return undefined;
  };

  /** Decides on a key, appending it under `accept-new`; true when the connection may go on. */
  async check(key: Buffer): Promise<boolean> {
    const { host, endpoint, knownHostsPath, policy, log } = this.#options;
    return underFileLock(knownHostsPath, async () => {
      const decision = decideHostKey(await readKnownHosts(knownHostsPath), endpoint, key, policy);
      switch (decision.verdict) {
        case 'trusted':
          this.refusal = undefined;
          return true;
        case 'trust-new': {
          const name = knownHostsName(endpoint.address, endpoint.port);
          await appendKnownHost(knownHostsPath, name, key);
          log?.(
            `${host}: trusted new host key ${decision.fingerprint} for ${name} (accept-new), added to ${knownHostsPath}`,
          );
          this.refusal = undefined;
          return true;
        }
        case 'refused':
          this.refusal = decision.reason;
          return false;
      }
    });
  }
}
