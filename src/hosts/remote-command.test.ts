import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { remoteCommandLine } from './remote-command.ts';
import { shQuote } from './shell-quote.ts';

/** Runs a line the way sshd does: the login shell's `-c`. */
function viaLoginShell(line: string): string {
  return execFileSync('/bin/sh', ['-c', line], { encoding: 'utf8' });
}

/** Running, as opposed to gone or a zombie nobody reaped (killed either way). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

describe('shQuote', () => {
  const nasty = [
    '',
    'plain',
    "it's",
    "''",
    'a "double" $HOME `id` $(id) \\ backslash',
    'new\nline',
    '*.glob ? [x]',
    "'; rm -rf / #",
  ];

  it('passes any string through sh as one word, unchanged', () => {
    for (const s of nasty) {
      expect(viaLoginShell(`printf '%s' ${shQuote(s)}`)).toBe(s);
    }
  });

  it('refuses NUL, which no shell word can hold', () => {
    expect(() => shQuote('a\0b')).toThrow(/NUL/);
  });
});

describe('remoteCommandLine', () => {
  const root = { user: 'root', become: true };
  const admin = { user: 'admin', become: true };

  it('runs commands through sh -c, so the login shell does not matter', () => {
    expect(remoteCommandLine("echo 'hi'", root)).toBe(`sh -c 'echo '\\''hi'\\'''`);
    expect(viaLoginShell(remoteCommandLine('x=\'a b\'; echo "$x" | tr a-z A-Z', root))).toBe('A B\n');
  });

  it('wraps in sudo -n only for a non-root user with become', () => {
    expect(remoteCommandLine('id', admin)).toBe(`sudo -n sh -c 'id'`);
    expect(remoteCommandLine('id', { user: 'admin', become: false })).toBe(`sh -c 'id'`);
    expect(remoteCommandLine('id', root)).toBe(`sh -c 'id'`);
  });

  it('puts the timeout inside sudo so that it can kill what sudo started', () => {
    expect(remoteCommandLine('id', admin, 30_000)).toBe(`sudo -n timeout -k 5 30 sh -c 'id'`);
    expect(remoteCommandLine('id', root, 1500)).toBe(`timeout -k 5 1.500 sh -c 'id'`);
    expect(remoteCommandLine('id', root, 0)).toBe(`sh -c 'id'`);
  });

  it('kills a command that outlives its timeout, children included, with exit code 124', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rigger-timeout-'));
    onTestFinished(() => {
      rmSync(dir, { recursive: true, force: true });
    });
    const pidFile = join(dir, 'pids');
    const line = remoteCommandLine(
      `sleep 30 & echo $! > ${pidFile}; sleep 31 & echo $! >> ${pidFile}; wait`,
      root,
      300,
    );
    let code = 0;
    const started = Date.now();
    try {
      viaLoginShell(line);
    } catch (err) {
      code = (err as { status: number }).status;
    }
    expect(code).toBe(124);
    expect(Date.now() - started).toBeLessThan(5000);
    const pids = readFileSync(pidFile, 'utf8').trim().split('\n').map(Number);
    expect(pids).toHaveLength(2);
    await vi.waitFor(() => {
      expect(pids.filter(alive)).toEqual([]);
    });
  });
});
