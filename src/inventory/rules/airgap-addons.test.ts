import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../core/errors.ts';
import { LAB_CHARTS_DIR } from '../../lab/chart-mirror.ts';
import { prepareSiteCharts } from '../../lab/site-charts.ts';
import { editProd, problemsOf } from '../testing.ts';
import { CHART_CONTENT_MAX_BYTES, remoteSchemaRefs } from './airgap-addons.ts';

/** The prod example installed air-gapped from `dir`, with an optional edit of its own. */
const airgapped = (
  dir: string,
  edit: (d: Parameters<Parameters<typeof editProd>[0]>[0]) => void = () => undefined,
) =>
  editProd((d) => {
    d.setIn(['cluster', 'install'], { mode: 'airgap', artifactsDir: dir });
    edit(d);
  });

/** An artifacts directory whose charts/ folder is `charts` (a function that fills it). */
function artifacts(fill?: (charts: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'rigger-airgap-'));
  if (fill) {
    mkdirSync(join(dir, 'charts'));
    fill(join(dir, 'charts'));
  }
  return dir;
}

const messages = (text: string) => problemsOf(text).map(formatProblem);

let vendored = '';
beforeAll(async () => {
  // The site's folder as the lab's mirror lays it out: nginx-ingress vendored for offline use.
  vendored = join(artifacts(), 'charts');
  await prepareSiteCharts(LAB_CHARTS_DIR, vendored);
}, 120_000);

const copyAll = (from: string) => (charts: string) => {
  const listed = readFileSync(join(from, 'index.yaml'), 'utf8').match(/[\w.-]+\.tgz/g) ?? [];
  for (const f of ['index.yaml', ...new Set(listed)]) copyFileSync(join(from, f), join(charts, f));
};

describe('air-gapped add-ons (validate)', () => {
  it('refuses enabled add-ons without a chart in the site folder or a mirror, at the line of their version field', () => {
    const found = messages(airgapped(artifacts()));
    expect(found).toContainEqual(
      expect.stringMatching(
        /^inventory\/prod\.yaml:\d+:\d+ addons\.metallb\.version: chart metallb 0\.16\.1 is not in .*\/charts \(metallb-0\.16\.1\.tgz\) and no chart mirror is set/,
      ),
    );
    expect(found.filter((m) => m.includes('is not in'))).toHaveLength(11);
    // Online, nothing of this applies.
    expect(messages(editProd(() => undefined))).toEqual([]);
  });

  it('accepts the site folder, but sends charts too large to embed to a mirror', () => {
    const dir = artifacts(copyAll(vendored));
    const found = messages(airgapped(dir));
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(
      /addons\.observability\.prometheus\.version: .*kube-prometheus-stack-88\.5\.3\.tgz is 875 KiB, more than the 576 KiB rigger embeds/,
    );
    expect(found[1]).toMatch(/addons\.observability\.thanos\.version: .*thanos-0\.38\.0\.tgz is \d+ KiB/);
    expect(
      messages(airgapped(dir, (d) => d.setIn(['addons', 'chartRepository'], 'http://charts.site.internal/'))),
    ).toEqual([]);
  });

  it('a chart mirror alone is enough', () => {
    const text = airgapped(artifacts(), (d) =>
      d.setIn(['addons', 'chartRepository'], 'http://charts.site.internal/'),
    );
    expect(messages(text)).toEqual([]);
  });

  it('refuses a chart whose digest is not the one its index lists, or that the index does not list', () => {
    const dir = artifacts((charts) => {
      copyAll(vendored)(charts);
      writeFileSync(join(charts, 'velero-12.1.0.tgz'), readFileSync(join(charts, 'tempo-2.2.4.tgz')));
    });
    const mirror = (d: Parameters<Parameters<typeof editProd>[0]>[0]) =>
      d.setIn(['addons', 'chartRepository'], 'http://m/');
    expect(messages(airgapped(dir, mirror))).toEqual([
      expect.stringMatching(
        /addons\.velero\.version: .*velero-12\.1\.0\.tgz: sha256 mismatch: index\.yaml says [0-9a-f]{64}, the file has [0-9a-f]{64}/,
      ),
    ]);
    const unindexed = artifacts((charts) =>
      copyFileSync(join(vendored, 'tempo-2.2.4.tgz'), join(charts, 'tempo-2.2.4.tgz')),
    );
    expect(messages(airgapped(unindexed, mirror))).toEqual([
      expect.stringMatching(
        /addons\.observability\.tempo\.version: .*tempo-2\.2\.4\.tgz: no readable index\.yaml beside it/,
      ),
    ]);
  });

  it("refuses F5's nginx-ingress as published: its values schema $refs the internet, which helm loads at install", () => {
    const dir = artifacts(copyAll(LAB_CHARTS_DIR));
    const found = messages(airgapped(dir, (d) => d.setIn(['addons', 'chartRepository'], 'http://m/')));
    expect(found).toEqual([
      expect.stringMatching(
        /addons\.ingressNginx\.version: .*nginx-ingress-2\.6\.4\.tgz: its values\.schema\.json \$refs https:\/\/raw\.githubusercontent\.com\/nginxinc\/kubernetes-json-schema\/.*_definitions\.json/,
      ),
    ]);
    expect(remoteSchemaRefs(readFileSync(join(vendored, 'nginx-ingress-2.6.4.tgz')))).toEqual([]);
    expect(CHART_CONTENT_MAX_BYTES * (4 / 3)).toBeLessThan(1024 * 1024);
  });
});
