import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/errors.ts';
import { editProd, loadText } from '../../inventory/testing.ts';
import type { Inventory } from '../../inventory/types.generated.ts';
import { AIRGAP_FILES, parseChecksums, verifyArtifacts } from './rke2-artifacts.ts';
import { ARTIFACTS_PROBE, INSTALLED_PROBE } from './rke2-facts.ts';
import { rke2Install } from './rke2-install.ts';
import { contextFor } from '../testing.ts';

const withCilium = loadText(editProd(() => undefined)).inventory;
// Canal's images are in the main archive: these tests check the main artifacts alone.
const canal = loadText(editProd((d) => d.setIn(['addons', 'cilium', 'enabled'], false))).inventory;

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

async function problems(dir: string, inventory: Inventory = canal): Promise<string[]> {
  try {
    await verifyArtifacts(dir, inventory);
    return [];
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return e.problems.map((p) => `${p.file.split('/').pop() ?? ''}: ${p.message}`);
  }
}

const ZST = AIRGAP_FILES.mainImages[0];
const GZ = AIRGAP_FILES.mainImages[1];
const CILIUM_ZST = AIRGAP_FILES.ciliumImages[0];
const CILIUM_GZ = AIRGAP_FILES.ciliumImages[1];

describe('air-gap artifacts', () => {
  const good = { [AIRGAP_FILES.tarball]: 'tarball', [ZST]: 'images' };
  const goodSums = {
    [AIRGAP_FILES.tarball]: sha('tarball'),
    [ZST]: sha('images'),
    'other.txt': sha('x'),
  };

  it('accepts artifacts whose content matches the release checksums', async () => {
    const verified = await verifyArtifacts(artifacts(good, goodSums), canal);
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
    expect((await verifyArtifacts(dir, canal)).map((v) => v.name)).toEqual([
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

  it("with Cilium, refuses a release without Cilium's image archive before any host is touched", async () => {
    expect(await problems(artifacts(good, goodSums), withCilium)).toEqual([
      `${CILIUM_ZST}: not listed in sha256sum-amd64.txt; refusing an artifact that cannot be verified`,
    ]);
    const listed = artifacts(good, { ...goodSums, [CILIUM_ZST]: sha('cilium') });
    expect(await problems(listed, withCilium)).toEqual([
      `${CILIUM_ZST}: missing from the artifacts directory`,
    ]);
  });

  it('with Cilium, verifies its image archive (the gzip one when that is what is listed) as images', async () => {
    const dir = artifacts({ ...good, [CILIUM_GZ]: 'cilium' }, { ...goodSums, [CILIUM_GZ]: sha('cilium') });
    expect((await verifyArtifacts(dir, withCilium)).map((v) => [v.kind, v.name])).toEqual([
      ['tarball', AIRGAP_FILES.tarball],
      ['images', ZST],
      ['images', CILIUM_GZ],
      ['checksums', AIRGAP_FILES.checksums],
    ]);
  });

  it("uploads Cilium's images into agent/images on every node, once: a rerun finds them there", async () => {
    const dir = artifacts({ ...good, [CILIUM_ZST]: 'cilium' }, { ...goodSums, [CILIUM_ZST]: sha('cilium') });
    const verified = await verifyArtifacts(dir, withCilium);
    const inventory: Inventory = {
      ...withCilium,
      cluster: { ...withCilium.cluster, install: { mode: 'airgap', artifactsDir: dir } },
    };
    const plan = (onHost: string) =>
      rke2Install
        .plan({
          ...contextFor(
            'worker-1',
            { [INSTALLED_PROBE]: 'rke2 version v1.35.7+rke2r1 (abc)\nunit-file', [ARTIFACTS_PROBE]: onHost },
            (x) => x,
            { artifacts: verified },
          ),
          inventory,
        })
        .map((c) => c.summary);
    const images = `/var/lib/rancher/rke2/agent/images`;
    expect(plan(`${sha('images')}  ${images}/${ZST}`)).toEqual([
      expect.stringMatching(
        new RegExp(`^upload ${CILIUM_ZST.replace(/\./g, '\\.')} .* to ${images}/${CILIUM_ZST}$`),
      ),
    ]);
    // The install task's probe looks for every image archive rigger may upload.
    const probe = rke2Install.probes({ inventory, host: contextFor('worker-1', {}).host });
    expect(probe.find((p) => p.id === ARTIFACTS_PROBE)?.script).toContain(`${images}/${CILIUM_ZST}`);
    expect(plan(`${sha('images')}  ${images}/${ZST}\n${sha('cilium')}  ${images}/${CILIUM_ZST}`)).toEqual([]);
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
