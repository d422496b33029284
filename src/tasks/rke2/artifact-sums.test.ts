import { execFileSync } from 'node:child_process';
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACT_SUMS_DIR, artifactSumsScript, recordSumScript } from './artifact-sums.ts';

// The scripts run as they would on a host, with the records folder moved under a temporary root.
const dir = mkdtempSync(join(tmpdir(), 'rigger-sums-'));
const sh = (script: string): string =>
  execFileSync('sh', ['-c', script.replaceAll(ARTIFACT_SUMS_DIR, join(dir, 'sums'))], { encoding: 'utf8' });
const sha = (f: string): string => sh(`sha256sum ${f}`).split(' ')[0] ?? '';

describe('artifact checksums on the host', () => {
  it('hashes a file without a record, and prints nothing for a missing one', () => {
    const f = join(dir, 'images.tar');
    writeFileSync(f, 'images v1');
    expect(sh(artifactSumsScript([f, join(dir, 'absent')]))).toBe(`${sha(f)}  ${f}\n`);
  });

  it('answers from the record while size and mtime hold, and hashes again once either changed', () => {
    const f = join(dir, 'images2.tar');
    writeFileSync(f, 'images v1');
    const good = sha(f);
    sh(recordSumScript(f, good));
    // A record is trusted only with the file's size and mtime: a lie in it shows while they hold.
    const record = join(dir, 'sums', f.replace(/\//g, '_'));
    const [, ...stat] = sh(`cat ${record}`).trim().split(' ');
    writeFileSync(record, `${'0'.repeat(64)} ${stat.join(' ')}\n`);
    expect(sh(artifactSumsScript([f]))).toBe(`${'0'.repeat(64)}  ${f}\n`);
    // Same size, other content and mtime: hashed again, so the change is seen.
    writeFileSync(f, 'images v2');
    utimesSync(f, new Date(), new Date(Date.now() + 5000));
    expect(sh(artifactSumsScript([f]))).toBe(`${sha(f)}  ${f}\n`);
    expect(sha(f)).not.toBe(good);
  });

  it('refuses to record a file whose content is not the verified sha256', () => {
    const f = join(dir, 'images3.tar');
    writeFileSync(f, 'truncated');
    expect(() => sh(recordSumScript(f, 'a'.repeat(64)))).toThrow();
  });
});
