import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decideHostKey, HostKeyVerifier } from './host-key-verifier.ts';
import { fingerprint, parseKnownHosts, readKnownHosts } from './known-hosts.ts';

const dir = mkdtempSync(join(tmpdir(), 'rigger-verifier-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
function key(type: 'ed25519' | 'rsa' = 'ed25519'): { line: string; blob: Buffer } {
  const path = join(dir, `k${++n}`);
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
  const [t, b64] = readFileSync(`${path}.pub`, 'utf8').split(' ');
  return { line: `${t ?? ''} ${b64 ?? ''}`, blob: Buffer.from(b64 ?? '', 'base64') };
}

const known1 = key();
const other = key();
const rsa = key('rsa');
const endpoint = { address: '10.0.0.1', port: 2222 };

function file(lines: string[]): ReturnType<typeof parseKnownHosts> {
  return parseKnownHosts(lines.join('\n'), '/home/op/.ssh/known_hosts');
}

describe('decideHostKey', () => {
  it('accepts the key known_hosts lists for the host, with its line', () => {
    const d = decideHostKey(file(['# x', `[10.0.0.1]:2222 ${known1.line}`]), endpoint, known1.blob, 'strict');
    expect(d).toEqual({ verdict: 'trusted', fingerprint: fingerprint(known1.blob), line: 2 });
  });

  it('refuses a changed key with both fingerprints and the known_hosts line, under every policy', () => {
    for (const policy of ['strict', 'accept-new'] as const) {
      const d = decideHostKey(file([`[10.0.0.1]:2222 ${known1.line}`]), endpoint, other.blob, policy);
      expect(d.verdict).toBe('refused');
      if (d.verdict !== 'refused') return;
      expect(d.reason).toContain(
        `expected ${fingerprint(known1.blob)} (known_hosts line 1), got ${fingerprint(other.blob)}`,
      );
      expect(d.reason).toContain("ssh-keygen -R '[10.0.0.1]:2222'");
    }
  });

  it('names the known keys of the offered type when the host has keys of several types', () => {
    const d = decideHostKey(
      file([`[10.0.0.1]:2222 ${rsa.line}`, `[10.0.0.1]:2222 ${known1.line}`]),
      endpoint,
      other.blob,
      'strict',
    );
    expect(d.verdict === 'refused' && d.reason).toContain(
      `expected ${fingerprint(known1.blob)} (known_hosts line 2), got`,
    );
  });

  it('refuses an unknown host under strict, with the offered fingerprint and how to trust it', () => {
    const d = decideHostKey(file([`10.0.0.1 ${known1.line}`]), endpoint, other.blob, 'strict');
    expect(d.verdict).toBe('refused');
    if (d.verdict !== 'refused') return;
    expect(d.reason).toContain(`unknown host [10.0.0.1]:2222`);
    expect(d.reason).toContain(fingerprint(other.blob));
    expect(d.reason).toContain('ssh-keyscan -p 2222 -t ed25519 10.0.0.1 >> /home/op/.ssh/known_hosts');
    expect(d.reason).toContain('hostKeyPolicy: accept-new');
  });

  it('trusts an unknown host on first use under accept-new', () => {
    const d = decideHostKey(file([]), endpoint, other.blob, 'accept-new');
    expect(d).toEqual({ verdict: 'trust-new', fingerprint: fingerprint(other.blob) });
  });

  it('refuses a @revoked key even when another line trusts it', () => {
    const d = decideHostKey(
      file([`[10.0.0.1]:2222 ${known1.line}`, `@revoked * ${known1.line}`]),
      endpoint,
      known1.blob,
      'accept-new',
    );
    expect(d.verdict === 'refused' && d.reason).toContain('@revoked (known_hosts line 2');
  });

  it('does not trust a key that only a @cert-authority line lists', () => {
    const d = decideHostKey(file([`@cert-authority * ${known1.line}`]), endpoint, known1.blob, 'strict');
    expect(d.verdict === 'refused' && d.reason).toContain('unknown host');
  });
});

describe('HostKeyVerifier', () => {
  it('appends an unknown key under accept-new once, even for parallel connections, then trusts it', async () => {
    const path = join(dir, 'tofu_known_hosts');
    const lines: string[] = [];
    const make = (): HostKeyVerifier =>
      new HostKeyVerifier({
        host: 'web-1',
        endpoint,
        knownHostsPath: path,
        policy: 'accept-new',
        log: (l) => lines.push(l),
      });
    const results = await Promise.all([
      make().check(other.blob),
      make().check(other.blob),
      make().check(other.blob),
    ]);
    expect(results).toEqual([true, true, true]);
    const known = await readKnownHosts(path);
    expect(known.entries).toHaveLength(1);
    expect(lines).toEqual([
      expect.stringMatching(/^web-1: trusted new host key SHA256:\S+ for \[10\.0\.0\.1\]:2222/),
    ]);

    const strict = new HostKeyVerifier({ host: 'web-1', endpoint, knownHostsPath: path, policy: 'strict' });
    expect(await strict.check(other.blob)).toBe(true);
  });

  it('keeps the refusal reason for the transport and answers ssh2 through its callback', async () => {
    const path = join(dir, 'refuse_known_hosts');
    writeFileSync(path, `[10.0.0.1]:2222 ${known1.line}\n`);
    const v = new HostKeyVerifier({ host: 'web-1', endpoint, knownHostsPath: path, policy: 'strict' });
    const answer = await new Promise<boolean>((resolve) => v.hostVerifier(other.blob, resolve));
    expect(answer).toBe(false);
    expect(v.refusal).toContain('HOST KEY CHANGED');
  });

  it('prefers the host key algorithms of the key types known for the host', async () => {
    const path = join(dir, 'algos_known_hosts');
    writeFileSync(path, `[10.0.0.1]:2222 ${rsa.line}\n10.9.9.9 ${known1.line}\n`);
    const v = new HostKeyVerifier({ host: 'web-1', endpoint, knownHostsPath: path, policy: 'strict' });
    const rsaAlgos = ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'];
    expect(await v.preferredAlgorithms()).toEqual({ remove: rsaAlgos, prepend: rsaAlgos });
    const unknown = new HostKeyVerifier({
      host: 'x',
      endpoint: { address: 'nowhere', port: 22 },
      knownHostsPath: path,
      policy: 'strict',
    });
    expect(await unknown.preferredAlgorithms()).toBeUndefined();
  });
});
