/**
 * The lab's chart mirror folder, as a site lays one out: every chart of the real repository
 * (`../shared/charts`), linked unchanged, except charts whose values schema reaches the internet,
 * which are vendored for offline use (offline-schema.ts) and re-indexed with their new digest.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, link, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { $ } from 'zx';
import { offlineSchema, type RelaxedRef } from './offline-schema.ts';

export interface VendoredChart {
  file: string;
  relaxed: RelaxedRef[];
}

/**
 * Builds `dest` from `source` (atomically: a temp folder renamed into place), unless it was built
 * from the same index already.
 */
export async function prepareSiteCharts(source: string, dest: string): Promise<VendoredChart[] | 'current'> {
  const sourceIndex = await readFile(join(source, 'index.yaml'), 'utf8');
  const stamp = createHash('sha256').update(sourceIndex).digest('hex');
  if ((await readFile(join(dest, '.source-index-sha256'), 'utf8').catch(() => '')) === stamp)
    return 'current';
  const tmp = `${dest}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  const index = parseDocument(sourceIndex);
  const vendored: VendoredChart[] = [];
  for (const file of (await readdir(source)).filter((f) => f.endsWith('.tgz')).sort()) {
    const relaxed = await vendorIfRemote(join(source, file), join(tmp, file));
    if (relaxed.length === 0)
      await link(join(source, file), join(tmp, file)).catch(() => cp(join(source, file), join(tmp, file)));
    else {
      vendored.push({ file, relaxed });
      setDigest(
        index,
        file,
        createHash('sha256')
          .update(await readFile(join(tmp, file)))
          .digest('hex'),
      );
    }
  }
  await writeFile(join(tmp, 'index.yaml'), index.toString());
  await writeFile(join(tmp, '.source-index-sha256'), stamp);
  await rm(dest, { recursive: true, force: true });
  await rename(tmp, dest);
  return vendored;
}

/** Writes a vendored copy of the chart to `out` when its schema has remote refs; returns them. */
async function vendorIfRemote(tgz: string, out: string): Promise<RelaxedRef[]> {
  const work = await mkdtemp(join(out, '..', '.vendor-'));
  try {
    const list = (await $({ quiet: true })`tar -tzf ${tgz}`).stdout.split('\n');
    const schemaPath = list.find((p) => /^[^/]+\/values\.schema\.json$/.test(p));
    if (!schemaPath) return [];
    await $({ quiet: true })`tar -xzf ${tgz} -C ${work}`;
    const file = join(work, schemaPath);
    const { schema, relaxed } = offlineSchema(JSON.parse(await readFile(file, 'utf8')));
    if (relaxed.length === 0) return [];
    await writeFile(file, `${JSON.stringify(schema, null, 2)}\n`);
    const top = schemaPath.split('/')[0] ?? '';
    // Reproducible: the same vendored archive (and digest) on every build.
    await $({
      quiet: true,
    })`tar -cf ${out} --use-compress-program=${'gzip -n'} -C ${work} --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner ${top}`;
    return relaxed;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function setDigest(index: ReturnType<typeof parseDocument>, file: string, digest: string): void {
  const entries = index.toJS() as { entries?: Record<string, { urls?: string[] }[]> };
  for (const [chart, versions] of Object.entries(entries.entries ?? {})) {
    versions.forEach((v, i) => {
      if ((v.urls ?? []).some((u) => u.endsWith(`/${file}`) || u === file))
        index.setIn(['entries', chart, i, 'digest'], digest);
    });
  }
}

/** Whether a folder looks like a chart repository. */
export const isChartRepository = (dir: string): boolean => existsSync(join(dir, 'index.yaml'));
