import { readFile, stat } from 'node:fs/promises';
import { sha256Of } from './local-sums.ts';
import { join } from 'node:path';
import { rke2Cni } from '../../addons/cilium.ts';
import { ConfigError, type ConfigProblem } from '../../core/errors.ts';
import type { Inventory } from '../../inventory/types.generated.ts';

const MAIN_IMAGES = ['rke2-images.linux-amd64.tar.zst', 'rke2-images.linux-amd64.tar.gz'] as const;
/** The main archive holds Canal only: Cilium's images are their own archive (rke2-docs install/airgap.md). */
const CILIUM_IMAGES = [
  'rke2-images-cilium.linux-amd64.tar.zst',
  'rke2-images-cilium.linux-amd64.tar.gz',
] as const;

/**
 * The files of an RKE2 air-gap release, as the release publishes them. Image archives come as
 * `.tar.zst` and as `.tar.gz`; RKE2 imports either, rigger takes the one the checksum file lists
 * (zstd first). `images` names every image archive rigger may install, the main one first.
 */
export const AIRGAP_FILES = {
  tarball: 'rke2.linux-amd64.tar.gz',
  mainImages: MAIN_IMAGES,
  ciliumImages: CILIUM_IMAGES,
  images: [...MAIN_IMAGES, ...CILIUM_IMAGES],
  checksums: 'sha256sum-amd64.txt',
} as const;

/** One artifact whose content matched the release's checksum file. */
export interface VerifiedArtifact {
  kind: 'tarball' | 'images' | 'checksums';
  name: string;
  path: string;
  sha256: string;
  size: number;
}

/** `<hex>  <name>` lines (binary mode `*name` too), as sha256sum writes them. */
export function parseChecksums(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([0-9a-fA-F]{64})\s+\*?(\S+)\s*$/.exec(line);
    if (m?.[1] && m[2]) out.set(m[2], m[1].toLowerCase());
  }
  return out;
}

/** The image archives this inventory's nodes need: the main one, and the CNI's when it has its own. */
function imageArchives(inventory: Inventory, sums: ReadonlyMap<string, string>): string[] {
  const pick = (names: readonly string[]): string => names.find((n) => sums.has(n)) ?? names[0] ?? '';
  const out = [pick(AIRGAP_FILES.mainImages)];
  if (rke2Cni(inventory) === 'cilium') out.push(pick(AIRGAP_FILES.ciliumImages));
  return out;
}

/**
 * Checks the air-gap artifacts on this machine against the release's sha256sum file, before
 * anything is uploaded: a corrupt, swapped or missing artifact is refused here, not found on a
 * host (a node without its CNI's images never turns Ready).
 */
export async function verifyArtifacts(dir: string, inventory: Inventory): Promise<VerifiedArtifact[]> {
  const sumsPath = join(dir, AIRGAP_FILES.checksums);
  let sums: Map<string, string>;
  try {
    sums = parseChecksums(await readFile(sumsPath, 'utf8'));
  } catch {
    throw ConfigError.plain(sumsPath, 'cannot read the release checksum file');
  }
  const problems: ConfigProblem[] = [];
  const verified: VerifiedArtifact[] = [];
  const wanted: [VerifiedArtifact['kind'], string][] = [
    ['tarball', AIRGAP_FILES.tarball],
    ...imageArchives(inventory, sums).map((n): [VerifiedArtifact['kind'], string] => ['images', n]),
  ];
  for (const [kind, name] of wanted) {
    const path = join(dir, name);
    const expected = sums.get(name);
    const problem = (message: string): number =>
      problems.push({ file: path, line: 0, col: 0, path: '', message });
    if (!expected) {
      problem(`not listed in ${AIRGAP_FILES.checksums}; refusing an artifact that cannot be verified`);
      continue;
    }
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch {
      problem('missing from the artifacts directory');
      continue;
    }
    const actual = await sha256Of(path);
    if (actual !== expected) {
      problem(
        `sha256 mismatch: ${AIRGAP_FILES.checksums} says ${expected}, the file has ${actual}; nothing was uploaded`,
      );
      continue;
    }
    verified.push({ kind, name, path, sha256: actual, size });
  }
  if (problems.length) throw new ConfigError(problems);
  const sumsStat = await stat(sumsPath);
  verified.push({
    kind: 'checksums',
    name: AIRGAP_FILES.checksums,
    path: sumsPath,
    sha256: await sha256Of(sumsPath),
    size: sumsStat.size,
  });
  return verified;
}
