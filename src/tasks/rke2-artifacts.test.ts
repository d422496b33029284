import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../core/errors.ts';
import { AIRGAP_FILES, parseChecksums, verifyArtifacts } from './rke2-artifacts.ts';

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

function artifacts(files: Record<string, string>, sums: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rigger-airgap-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  writeFileSync(
    join(dir, AIRGAP_FILES.checksums),
    Object.entries(sums)
      .map(([n, h]) => `${h}  ${n}\n`)
      .join(''),
  );
  return dir;
}

async function problems(dir: string): Promise<string[]> {
  try {
    await verifyArtifacts(dir);
    return [];
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return e.problems.map((p) => `${p.file.split('/').pop() ?? ''}: ${p.message}`);
  }
}

const ZST = AIRGAP_FILES.images[0];
const GZ = AIRGAP_FILES.images[1];

describe('air-gap artifacts', () => {
  const good = { [AIRGAP_FILES.tarball]: 'tarball', [ZST]: 'images' };
  const goodSums = {
    [AIRGAP_FILES.tarball]: sha('tarball'),
    [ZST]: sha('images'),
    'other.txt': sha('x'),
  };

  it('accepts artifacts whose content matches the release checksums', async () => {
    const verified = await verifyArtifacts(artifacts(good, goodSums));
    expect(verified.map((v) => [v.kind, v.name, v.sha256])).toEqual([
      ['tarball', AIRGAP_FILES.tarball, sha('tarball')],
      ['images', ZST, sha('images')],
      ['checksums', AIRGAP_FILES.checksums, expect.stringMatching(/^[0-9a-f]{64}$/)],
    ]);
  });

  it('takes the gzip images when the checksum file lists those instead of zstd', async () => {
    const dir = artifacts(
      { [AIRGAP_FILES.tarball]: 'tarball', [GZ]: 'images' },
      { [AIRGAP_FILES.tarball]: sha('tarball'), [GZ]: sha('images') },
    );
    expect((await verifyArtifacts(dir)).map((v) => v.name)).toEqual([
      AIRGAP_FILES.tarball,
      GZ,
      AIRGAP_FILES.checksums,
    ]);
  });

  it('refuses a corrupted artifact, naming both hashes', async () => {
    const dir = artifacts({ ...good, [AIRGAP_FILES.tarball]: 'tampered' }, goodSums);
    expect(await problems(dir)).toEqual([
      `${AIRGAP_FILES.tarball}: sha256 mismatch: sha256sum-amd64.txt says ${sha('tarball')}, the file has ${sha('tampered')}; nothing was uploaded`,
    ]);
  });

  it('refuses a missing artifact and one the checksum file does not list', async () => {
    const dir = artifacts({ [AIRGAP_FILES.tarball]: 'tarball' }, { [ZST]: sha('images') });
    expect(await problems(dir)).toEqual([
      `${AIRGAP_FILES.tarball}: not listed in sha256sum-amd64.txt; refusing an artifact that cannot be verified`,
      `${ZST}: missing from the artifacts directory`,
    ]);
  });

  it('reads sha256sum lines in text and binary mode', () => {
    const h = sha('a');
    expect(parseChecksums(`${h}  a.tar.gz\n${h.toUpperCase()} *b.zst\nnot a line\n`)).toEqual(
      new Map([
        ['a.tar.gz', h],
        ['b.zst', h],
      ]),
    );
  });
});
