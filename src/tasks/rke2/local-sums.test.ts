import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Of } from './local-sums.ts';

const dir = mkdtempSync(join(tmpdir(), 'rigger-local-sums-'));
const env = { XDG_CACHE_HOME: join(dir, 'cache') };
const real = (f: string): string => createHash('sha256').update(readFileSync(f)).digest('hex');

describe('local artifact checksums', () => {
  it('hashes once, then answers from the cache while size, mtime and inode hold', async () => {
    const f = join(dir, 'images.tar');
    writeFileSync(f, 'images v1');
    expect(await sha256Of(f, env)).toBe(real(f));
    // The cache is what answers now: a forged entry shows while the file's stat holds.
    const cacheFile = join(dir, 'cache', 'rigger', 'sha256.json');
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, { sha256: string }>;
    const entry = cache[f];
    if (entry) entry.sha256 = 'f'.repeat(64);
    writeFileSync(cacheFile, JSON.stringify(cache));
    expect(await sha256Of(f, env)).toBe('f'.repeat(64));
  });

  it('hashes again when the content changed, even at the same size', async () => {
    const f = join(dir, 'images2.tar');
    writeFileSync(f, 'images v1');
    const first = await sha256Of(f, env);
    writeFileSync(f, 'images v2');
    utimesSync(f, new Date(), new Date(Date.now() + 3000));
    const second = await sha256Of(f, env);
    expect(second).toBe(real(f));
    expect(second).not.toBe(first);
  });
});
