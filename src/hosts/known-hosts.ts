/**
 * OpenSSH known_hosts, read and appended the way `ssh` does, so that the file users already keep
 * (and fill with `ssh-keyscan`) is the one rigger trusts. See sshd(8), "SSH_KNOWN_HOSTS FILE FORMAT".
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import ssh2 from 'ssh2';

/** One key line of a known_hosts file. */
export interface KnownHostEntry {
  /** 1-based line number, for messages that send people to the line. */
  line: number;
  /** `revoked`: the key must never be accepted. `cert-authority`: a CA key, not a host key. */
  marker: 'revoked' | 'cert-authority' | undefined;
  /** The host field as written: a comma list of patterns, or one hashed `|1|salt|hash` name. */
  hosts: string;
  /** Key type, e.g. `ssh-ed25519`. */
  keyType: string;
  /** The public key blob (SSH wire format). */
  key: Buffer;
}

/** A line that could not be read; it is skipped, as ssh does. */
export interface KnownHostsProblem {
  line: number;
  message: string;
}

/** A parsed known_hosts file. */
export interface KnownHosts {
  path: string;
  entries: KnownHostEntry[];
  problems: KnownHostsProblem[];
}

/** The keys a known_hosts file holds for one host name. */
export interface HostKeys {
  /** Keys the host may present. */
  trusted: KnownHostEntry[];
  /** Keys that must be refused even if also listed as trusted. */
  revoked: KnownHostEntry[];
}

const HASHED_PREFIX = '|1|';

/** Parses known_hosts text. Bad lines become problems rather than errors, as with ssh. */
export function parseKnownHosts(text: string, path: string): KnownHosts {
  const entries: KnownHostEntry[] = [];
  const problems: KnownHostsProblem[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const fields = trimmed.split(/\s+/);
    let marker: KnownHostEntry['marker'];
    const first = fields[0] ?? '';
    if (first.startsWith('@')) {
      if (first !== '@revoked' && first !== '@cert-authority') {
        problems.push({ line, message: `unknown marker ${first}` });
        return;
      }
      marker = first === '@revoked' ? 'revoked' : 'cert-authority';
      fields.shift();
    }
    const [hosts, keyType, base64] = fields;
    if (hosts === undefined || keyType === undefined || base64 === undefined) {
      problems.push({ line, message: 'expected "hosts keytype base64-key"' });
      return;
    }
    const parsed = ssh2.utils.parseKey(`${keyType} ${base64}`);
    if (parsed instanceof Error || Array.isArray(parsed)) {
      const reason = parsed instanceof Error ? parsed.message : 'several keys';
      problems.push({ line, message: `unreadable ${keyType} key: ${reason}` });
      return;
    }
    entries.push({ line, marker, hosts, keyType: parsed.type, key: parsed.getPublicSSH() });
  });
  return { path, entries, problems };
}

/** Reads a known_hosts file; a missing file is an empty one (nothing trusted yet). */
export async function readKnownHosts(path: string): Promise<KnownHosts> {
  try {
    return parseKnownHosts(await readFile(path, 'utf8'), path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { path, entries: [], problems: [] };
    throw err;
  }
}

/** The name ssh looks a host up by: `address` on port 22, `[address]:port` otherwise. */
export function knownHostsName(address: string, port: number): string {
  return port === 22 ? address : `[${address}]:${port}`;
}

/** `|1|salt|hash` for a host name, as `ssh-keygen -H` writes it (HMAC-SHA1 keyed by the salt). */
export function hashHostName(name: string, salt: Buffer = randomBytes(20)): string {
  const hash = createHmac('sha1', salt).update(name).digest('base64');
  return `${HASHED_PREFIX}${salt.toString('base64')}|${hash}`;
}

/**
 * Whether a host field matches a host name. Hashed fields match one exact name. Plain fields are
 * comma lists of patterns with `*` and `?` wildcards, compared case-insensitively; a matching
 * `!pattern` excludes the host even if another pattern matches.
 */
export function hostFieldMatches(hosts: string, name: string): boolean {
  if (hosts.startsWith(HASHED_PREFIX)) return hashedMatches(hosts, name);
  let matched = false;
  for (const pattern of hosts.split(',')) {
    const negated = pattern.startsWith('!');
    if (!globMatches(negated ? pattern.slice(1) : pattern, name)) continue;
    if (negated) return false;
    matched = true;
  }
  return matched;
}

function hashedMatches(hosts: string, name: string): boolean {
  const [salt, hash] = hosts.slice(HASHED_PREFIX.length).split('|');
  if (salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest();
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

function globMatches(pattern: string, name: string): boolean {
  const source = pattern
    .toLowerCase()
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(name.toLowerCase());
}

/** The trusted and revoked keys for a host name. CA lines are ignored: rigger pins host keys. */
export function keysForHost(known: KnownHosts, name: string): HostKeys {
  const trusted: KnownHostEntry[] = [];
  const revoked: KnownHostEntry[] = [];
  for (const entry of known.entries) {
    if (entry.marker === 'cert-authority' || !hostFieldMatches(entry.hosts, name)) continue;
    (entry.marker === 'revoked' ? revoked : trusted).push(entry);
  }
  return { trusted, revoked };
}

/** OpenSSH's fingerprint of a public key blob: `SHA256:` and unpadded base64, as `ssh-keygen -l`. */
export function fingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/** The key type named inside a public key blob, e.g. `ssh-ed25519`. */
export function keyTypeOf(key: Buffer): string {
  const parsed = ssh2.utils.parseKey(key);
  if (parsed instanceof Error || Array.isArray(parsed)) {
    // The type is the blob's first SSH string; read it directly for types ssh2 does not know.
    const length = key.length >= 4 ? key.readUInt32BE(0) : 0;
    return key.subarray(4, 4 + length).toString('latin1') || 'unknown';
  }
  return parsed.type;
}

/** A known_hosts line (with newline) trusting `key` for `name`. */
export function formatKnownHostsLine(name: string, key: Buffer): string {
  return `${name} ${keyTypeOf(key)} ${key.toString('base64')}\n`;
}

/**
 * Appends a key for a host (trust on first use). Creates the file (0600) and its directory (0700)
 * when missing; a last line without a newline is terminated first so the entry stays on its own.
 */
export async function appendKnownHost(path: string, name: string, key: Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  let existing = '';
  try {
    existing = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
  await appendFile(path, separator + formatKnownHostsLine(name, key), { mode: 0o600 });
}
