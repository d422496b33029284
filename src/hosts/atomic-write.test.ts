import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildAtomicWriteScript,
  parseAtomicWriteOutput,
  sha256Hex,
  type AtomicWriteSpec,
} from './atomic-write.ts';

const dir = mkdtempSync(join(tmpdir(), 'rigger-atomic-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the script with local sh, as the SSH transport runs it on a host. */
function write(spec: Omit<AtomicWriteSpec, 'sha256'>, content: string, stdin: string = content) {
  const script = buildAtomicWriteScript({ ...spec, sha256: sha256Hex(content) });
  const r = spawnSync('sh', ['-c', script], { input: stdin, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, outcome: parseAtomicWriteOutput(r.stdout) };
}

const mode = (path: string): number => statSync(path).mode & 0o7777;
const leftovers = (d: string): string[] => readdirSync(d).filter((f) => f.startsWith('.rigger-write.'));

describe('atomic write script', () => {
  it('passes shellcheck as POSIX sh', () => {
    const script = buildAtomicWriteScript({
      path: '/etc/x',
      sha256: sha256Hex('x'),
      mode: 0o600,
      owner: 'root',
      group: 'root',
    });
    const r = spawnSync('shellcheck', ['-s', 'sh', '-'], { input: script, encoding: 'utf8' });
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  });

  it('creates the file, and missing parent directories with mode 0755', () => {
    const path = join(dir, 'new', 'deeper', 'config.yaml');
    const r = write({ path, mode: 0o640 }, 'token: abc\n');
    expect(r).toMatchObject({ code: 0, outcome: 'changed' });
    expect(readFileSync(path, 'utf8')).toBe('token: abc\n');
    expect(mode(path)).toBe(0o640);
    expect(mode(join(dir, 'new'))).toBe(0o755);
    expect(mode(join(dir, 'new', 'deeper'))).toBe(0o755);
  });

  it('reports unchanged and touches nothing when content, mode and owner already match', () => {
    const path = join(dir, 'same.txt');
    expect(write({ path, mode: 0o600, owner: 'root', group: '0' }, 'same').outcome).toBe('changed');
    utimesSync(path, 1_000_000, 1_000_000);
    utimesSync(dir, 1_000_000, 1_000_000);
    const r = write({ path, mode: 0o600, owner: '0', group: 'root' }, 'same');
    expect(r).toMatchObject({ code: 0, outcome: 'unchanged' });
    expect(statSync(path).mtimeMs).toBe(1_000_000_000);
    expect(statSync(dir).mtimeMs).toBe(1_000_000_000);
  });

  it('replaces the file when only the mode differs', () => {
    const path = join(dir, 'mode.txt');
    write({ path, mode: 0o644 }, 'm');
    expect(write({ path, mode: 0o600 }, 'm').outcome).toBe('changed');
    expect(mode(path)).toBe(0o600);
  });

  it('keeps setuid bits, which chown would clear if it ran after chmod', () => {
    const path = join(dir, 'suid');
    expect(write({ path, mode: 0o4755, owner: 'root' }, '#!/bin/sh\n').outcome).toBe('changed');
    expect(mode(path)).toBe(0o4755);
  });

  it('leaves the target as it was and no temp file behind when stdin ends early', () => {
    const path = join(dir, 'keep.txt');
    write({ path, mode: 0o644 }, 'original');
    const r = write({ path, mode: 0o644 }, 'the new content, cut short', 'the new con');
    expect(r.code).not.toBe(0);
    expect(r.outcome).toBeUndefined();
    expect(r.stderr).toContain('content arrived incomplete or altered');
    expect(r.stderr).not.toContain('the new con');
    expect(readFileSync(path, 'utf8')).toBe('original');
    expect(leftovers(dir)).toEqual([]);
  });

  it('fails without touching anything when the target is a directory or the directory is not writable', () => {
    const sub = join(dir, 'adir');
    mkdirSync(sub);
    expect(write({ path: sub, mode: 0o644 }, 'x').stderr).toContain('is a directory');
    // Root ignores permission bits, so make the directory unwritable as `nobody` instead.
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o755);
    writeFileSync(join(locked, 'f'), 'old');
    const script = buildAtomicWriteScript({ path: join(locked, 'f'), sha256: sha256Hex('new'), mode: 0o644 });
    const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'sh', '-c', script], {
      input: 'new',
      encoding: 'utf8',
    });
    expect(r.status).not.toBe(0);
    expect(readFileSync(join(locked, 'f'), 'utf8')).toBe('old');
  });

  it('rejects relative paths, bad modes and owner names that are not names', () => {
    const sha256 = sha256Hex('x');
    expect(() => buildAtomicWriteScript({ path: 'etc/x', sha256, mode: 0o644 })).toThrow(/absolute/);
    expect(() => buildAtomicWriteScript({ path: '/etc/x', sha256, mode: 0o17777 })).toThrow(/mode/);
    expect(() => buildAtomicWriteScript({ path: '/etc/x', sha256, mode: 0o644, owner: 'root:root' })).toThrow(
      /owner/,
    );
    expect(() => buildAtomicWriteScript({ path: '/etc/x', sha256, mode: 0o644, group: "a'b" })).toThrow(
      /group/,
    );
  });

  it('puts only the hash of the content in the script, never the content', () => {
    const script = buildAtomicWriteScript({ path: '/etc/x', sha256: sha256Hex('S3CRET-TOKEN'), mode: 0o600 });
    expect(script).not.toContain('S3CRET-TOKEN');
  });
});
