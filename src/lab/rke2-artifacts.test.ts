import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureRke2Artifacts } from './rke2-artifacts.ts';

function script(body: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rigger-rke2-artifacts-'));
  const file = join(dir, 'build.sh');
  writeFileSync(file, `#!/usr/bin/env bash\nset -eu\n${body}\n`);
  chmodSync(file, 0o755);
  return { dir, file };
}

describe('ensureRke2Artifacts', () => {
  it('runs the build script with OUTDIR, passes its progress lines on and logs all of its output', async () => {
    const { dir, file } = script(
      'echo "[rke2-stand-in] building into $1" >&2\necho "compiler noise"\nmkdir -p "$1" && echo sums > "$1/sha256sum-amd64.txt"',
    );
    const lines: string[] = [];
    const outDir = join(dir, 'out');
    const logFile = join(dir, 'logs', 'rke2-artifacts.log');
    await ensureRke2Artifacts({ script: file, outDir, logFile, log: (l) => lines.push(l) });
    expect(readFileSync(join(outDir, 'sha256sum-amd64.txt'), 'utf8')).toBe('sums\n');
    expect(lines).toEqual([`lab: [rke2-stand-in] building into ${outDir}`]);
    expect(readFileSync(logFile, 'utf8')).toContain('compiler noise');
  });

  it('fails with the last lines of the script when it fails', async () => {
    const { dir, file } = script('echo "kube-apiserver build broke" >&2\nexit 3');
    await expect(
      ensureRke2Artifacts({
        script: file,
        outDir: join(dir, 'out'),
        logFile: join(dir, 'l.log'),
        log: () => undefined,
      }),
    ).rejects.toThrow(/exit code 3\).*\n[^]*kube-apiserver build broke/);
  });

  it('skips the step, saying so, when the script does not exist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rigger-rke2-artifacts-'));
    const lines: string[] = [];
    await ensureRke2Artifacts({
      script: join(dir, 'missing.sh'),
      outDir: join(dir, 'out'),
      logFile: join(dir, 'l.log'),
      log: (l) => lines.push(l),
    });
    expect(lines[0]).toMatch(/missing\.sh not found/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
