/**
 * F5's nginx-ingress chart as the lab's mirror serves it: the real chart fails `helm template`
 * offline (its schema `$ref`s a URL on the internet, as on an air-gapped RKE2), the vendored copy
 * renders with the chart's own schema still enforced.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { $ } from 'zx';
import { LAB_CHARTS_DIR } from '../../src/lab/chart-mirror.ts';
import { prepareSiteCharts, type VendoredChart } from '../../src/lab/site-charts.ts';
import { ROOT } from '../support/lab.ts';

const CHART = 'nginx-ingress-2.6.4.tgz';
let helm = '';
let site = '';
let vendored: VendoredChart[] = [];

async function template(chart: string, values: Record<string, unknown> = {}) {
  const file = join(mkdtempSync(join(tmpdir(), 'rigger-values-')), 'values.json');
  writeFileSync(file, JSON.stringify(values));
  return $({ nothrow: true, quiet: true })`${helm} template t ${chart} -f ${file} --kube-version 1.35.7`;
}

describe('a chart whose schema reaches the internet, on the lab mirror', () => {
  beforeAll(async () => {
    helm = join((await $({ quiet: true, cwd: ROOT })`bash test/support/real-helm.sh`).stdout.trim(), 'helm');
    site = join(mkdtempSync(join(tmpdir(), 'rigger-site-charts-')), 'charts');
    const r = await prepareSiteCharts(LAB_CHARTS_DIR, site);
    vendored = r === 'current' ? [] : r;
  }, 300_000);

  it('fails offline as the real chart (the old mirror served it unchanged)', async () => {
    const r = await template(join(LAB_CHARTS_DIR, CHART));
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(/raw\.githubusercontent\.com/);
  });

  it('renders from the mirror, and only that chart was vendored', async () => {
    expect(vendored.map((v) => v.file)).toEqual([CHART]);
    expect(vendored[0]?.relaxed.length).toBeGreaterThan(30);
    const r = await template(join(site, CHART));
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/kind: DaemonSet|kind: Deployment/);
  });

  it("still enforces the chart's own schema", async () => {
    const r = await template(join(site, CHART), { controller: { kind: 'banana' } });
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(/values don't meet the specifications of the schema/);
  });
});
