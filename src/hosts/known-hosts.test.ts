import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  appendKnownHost,
  fingerprint,
  formatKnownHostsLine,
  hashHostName,
  hostFieldMatches,
  keyTypeOf,
  keysForHost,
  knownHostsName,
  parseKnownHosts,
  readKnownHosts,
} from './known-hosts.ts';

const dir = mkdtempSync(join(tmpdir(), 'rigger-known-hosts-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

let keyCount = 0;
/** A fresh key from ssh-keygen: its public line, blob and the fingerprint ssh-keygen prints. */
function sshKey(type: 'ed25519' | 'rsa' | 'ecdsa' = 'ed25519'): { line: string; blob: Buffer; fp: string } {
  const path = join(dir, `key${++keyCount}`);
  execFileSync('ssh-keygen', [
    '-q',
    '-t',
    type,
    ...(type === 'rsa' ? ['-b', '2048'] : []),
    '-N',
    '',
    '-f',
    path,
  ]);
  const line = readFileSync(`${path}.pub`, 'utf8').trim();
  const fp = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${path}.pub`], {
    encoding: 'utf8',
  }).split(' ')[1];
  const [keyType, base64] = line.split(' ');
  return {
    line: `${keyType ?? ''} ${base64 ?? ''}`,
    blob: Buffer.from(base64 ?? '', 'base64'),
    fp: fp ?? '',
  };
}

const a = sshKey('ed25519');
const b = sshKey('rsa');
const c = sshKey('ecdsa');

describe('fingerprint', () => {
  it('matches ssh-keygen -l for ed25519, rsa and ecdsa keys', () => {
    for (const k of [a, b, c]) expect(fingerprint(k.blob)).toBe(k.fp);
  });

  it('reads the key type from the blob', () => {
    expect(keyTypeOf(a.blob)).toBe('ssh-ed25519');
    expect(keyTypeOf(b.blob)).toBe('ssh-rsa');
    expect(keyTypeOf(c.blob)).toBe('ecdsa-sha2-nistp256');
  });
});

describe('knownHostsName', () => {
  it('uses the bare address on port 22 and [address]:port on any other', () => {
    expect(knownHostsName('10.0.0.1', 22)).toBe('10.0.0.1');
    expect(knownHostsName('10.0.0.1', 2222)).toBe('[10.0.0.1]:2222');
  });
});

describe('parseKnownHosts', () => {
  const text = [
    '# comment line',
    '',
    `web-1,10.0.0.1 ${a.line} root@web-1`,
    `[10.0.0.2]:2222 ${b.line}`,
    `@revoked * ${c.line}`,
    `@cert-authority *.example.com ${a.line}`,
    `@bogus host ${a.line}`,
    'only-two-fields ssh-ed25519',
    'bad-key ssh-ed25519 AAAAnotakey',
    `  indented.example.com\t${c.line}\r`,
  ].join('\n');
  const known = parseKnownHosts(text, '/k');

  it('reads plain, bracketed, marked and indented lines with their 1-based line numbers', () => {
    expect(known.entries.map((e) => [e.line, e.marker, e.hosts, e.keyType])).toEqual([
      [3, undefined, 'web-1,10.0.0.1', 'ssh-ed25519'],
      [4, undefined, '[10.0.0.2]:2222', 'ssh-rsa'],
      [5, 'revoked', '*', 'ecdsa-sha2-nistp256'],
      [6, 'cert-authority', '*.example.com', 'ssh-ed25519'],
      [10, undefined, 'indented.example.com', 'ecdsa-sha2-nistp256'],
    ]);
    expect(known.entries[0]?.key.equals(a.blob)).toBe(true);
  });

  it('reports unreadable lines as problems instead of failing the whole file', () => {
    expect(known.problems.map((p) => p.line)).toEqual([7, 8, 9]);
    expect(known.problems[0]?.message).toContain('@bogus');
  });

  it('finds a host by any name of a comma list, and by [address]:port for other ports', () => {
    expect(keysForHost(known, '10.0.0.1').trusted.map((e) => e.line)).toEqual([3]);
    expect(keysForHost(known, 'WEB-1').trusted.map((e) => e.line)).toEqual([3]);
    expect(keysForHost(known, '[10.0.0.2]:2222').trusted.map((e) => e.line)).toEqual([4]);
    expect(keysForHost(known, '10.0.0.2').trusted).toEqual([]);
  });

  it('lists revoked keys separately and ignores @cert-authority lines', () => {
    const keys = keysForHost(known, 'host.example.com');
    expect(keys.trusted).toEqual([]);
    expect(keys.revoked.map((e) => e.line)).toEqual([5]);
  });

  it('treats a missing file as empty', async () => {
    const empty = await readKnownHosts(join(dir, 'does-not-exist'));
    expect(empty.entries).toEqual([]);
  });
});

describe('hostFieldMatches', () => {
  it('supports * and ? wildcards and ! negation', () => {
    expect(hostFieldMatches('*.example.com', 'a.example.com')).toBe(true);
    expect(hostFieldMatches('node-?', 'node-7')).toBe(true);
    expect(hostFieldMatches('node-?', 'node-17')).toBe(false);
    expect(hostFieldMatches('*.example.com,!bad.example.com', 'bad.example.com')).toBe(false);
    expect(hostFieldMatches('[10.0.0.*]:2222', '[10.0.0.9]:2222')).toBe(true);
    expect(hostFieldMatches('10.0.0.1', '10.0.0.10')).toBe(false);
  });

  it('matches hashed names it hashed itself, and only the exact name', () => {
    const hashed = hashHostName('[10.0.0.5]:2222');
    expect(hashed).toMatch(/^\|1\|[^|]+\|[^|]+$/);
    expect(hostFieldMatches(hashed, '[10.0.0.5]:2222')).toBe(true);
    expect(hostFieldMatches(hashed, '10.0.0.5')).toBe(false);
  });

  it('finds hosts in a file hashed by ssh-keygen -H', () => {
    const path = join(dir, 'hashed_known_hosts');
    writeFileSync(path, `10.0.0.7 ${a.line}\n[10.0.0.8]:2200 ${b.line}\n`);
    execFileSync('ssh-keygen', ['-q', '-H', '-f', path], { stdio: 'ignore' });
    const known = parseKnownHosts(readFileSync(path, 'utf8'), path);
    expect(known.entries.every((e) => e.hosts.startsWith('|1|'))).toBe(true);
    expect(keysForHost(known, '10.0.0.7').trusted[0]?.key.equals(a.blob)).toBe(true);
    expect(keysForHost(known, '[10.0.0.8]:2200').trusted[0]?.key.equals(b.blob)).toBe(true);
    expect(keysForHost(known, '10.0.0.8').trusted).toEqual([]);
  });
});

describe('appendKnownHost', () => {
  it('creates the file 0600 in a new directory, in a form ssh-keygen -F finds', async () => {
    const path = join(dir, 'new', 'sub', 'known_hosts');
    await appendKnownHost(path, '[127.0.0.1]:2222', a.blob);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const found = execFileSync('ssh-keygen', ['-F', '[127.0.0.1]:2222', '-f', path], { encoding: 'utf8' });
    expect(found).toContain(a.line);
  });

  it('puts the entry on its own line when the file does not end with a newline', async () => {
    const path = join(dir, 'unterminated');
    writeFileSync(path, `10.0.0.1 ${a.line}`);
    await appendKnownHost(path, '10.0.0.2', b.blob);
    const known = await readKnownHosts(path);
    expect(known.problems).toEqual([]);
    expect(known.entries.map((e) => e.hosts)).toEqual(['10.0.0.1', '10.0.0.2']);
  });

  it('writes "name type base64" lines', () => {
    expect(formatKnownHostsLine('h', a.blob)).toBe(`h ${a.line}\n`);
  });
});
