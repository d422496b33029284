import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubernetesObject } from '@kubernetes/client-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../core/errors.ts';
import { Redactor } from '../core/redact.ts';
import { LAB_CHARTS_DIR } from '../lab/chart-mirror.ts';
import { prepareSiteCharts } from '../lab/site-charts.ts';
import { addonCharts } from '../inventory/rules/airgap-addons.ts';
import { resolveSecrets } from '../inventory/secrets.ts';
import { editProd, loadText, PROD_ENV } from '../inventory/testing.ts';
import { renderPlatform } from './platform.ts';
import { CHART_SHA256_ANNOTATION } from './site-charts.ts';
import type { HelmChart } from './values.ts';

const MIRROR = 'http://charts.site.internal/';
let artifactsDir = '';

beforeAll(async () => {
  // The site's charts/ folder, laid out as the lab's mirror is (nginx-ingress vendored offline).
  artifactsDir = mkdtempSync(join(tmpdir(), 'rigger-site-'));
  await prepareSiteCharts(LAB_CHARTS_DIR, join(artifactsDir, 'charts'));
}, 120_000);

function load(mode: 'airgap' | 'online' = 'airgap') {
  const text = editProd((d) => {
    d.setIn(['cluster', 'install'], mode === 'airgap' ? { mode, artifactsDir } : { mode });
    d.setIn(['addons', 'chartRepository'], MIRROR);
  });
  const loaded = loadText(text);
  return { inventory: loaded.inventory, secrets: resolveSecrets(loaded, PROD_ENV, new Redactor()) };
}

function charts(mode: 'airgap' | 'online' = 'airgap', loaded = load(mode)) {
  const objects: KubernetesObject[] = renderPlatform(loaded).flatMap((a) => a.objects);
  return {
    inventory: loaded.inventory,
    charts: objects.filter((o): o is HelmChart => o.kind === 'HelmChart'),
  };
}

const byChart = (list: HelmChart[], name: string): HelmChart => {
  const c = list.find((x) => x.spec.chart === name);
  if (!c) throw new Error(`no HelmChart for ${name}`);
  return c;
};

describe('charts from the site on an air-gapped cluster', () => {
  it("embeds the site's archive as chartContent, without a repo to fetch from, its digest recorded", () => {
    const metallb = byChart(charts().charts, 'metallb');
    const file = readFileSync(join(artifactsDir, 'charts', 'metallb-0.16.1.tgz'));
    expect(Buffer.from(metallb.spec.chartContent as string, 'base64').equals(file)).toBe(true);
    expect(metallb.spec).not.toHaveProperty('repo');
    expect(metallb.spec.version).toBe('0.16.1');
    expect(metallb.metadata?.annotations?.[CHART_SHA256_ANNOTATION]).toMatch(/^[0-9a-f]{64}$/);
    // The values are rigger's as ever.
    expect(metallb.spec.valuesContent).toContain('frrk8s');
  });

  it('embeds the vendored nginx-ingress, not the one whose schema reaches the internet', () => {
    const ing = byChart(charts().charts, 'nginx-ingress');
    const vendored = readFileSync(join(artifactsDir, 'charts', 'nginx-ingress-2.6.4.tgz'));
    expect(Buffer.from(ing.spec.chartContent as string, 'base64').equals(vendored)).toBe(true);
    expect(vendored.equals(readFileSync(join(LAB_CHARTS_DIR, 'nginx-ingress-2.6.4.tgz')))).toBe(false);
  });

  it('leaves charts too large for an object to the mirror', () => {
    const { charts: list } = charts();
    for (const name of ['kube-prometheus-stack', 'thanos']) {
      const c = byChart(list, name);
      expect(c.spec.chartContent).toBeUndefined();
      expect(c.spec.repo).toBe(MIRROR);
    }
    expect(
      list.filter((c) => c.spec.chartContent).map((c) => c.metadata?.name).length,
    ).toBeGreaterThanOrEqual(9);
  });

  it('changes nothing online', () => {
    expect(
      charts('online').charts.every((c) => c.spec.chartContent === undefined && c.spec.repo === MIRROR),
    ).toBe(true);
  });

  it('names in its table every chart the add-ons render, at the version they render', () => {
    const { inventory, charts: list } = charts();
    const rendered = list.map((c) => `${c.spec.chart}@${c.spec.version ?? ''}`).sort();
    expect(
      addonCharts(inventory)
        .map((c) => `${c.chart}@${c.version}`)
        .sort(),
    ).toEqual([...new Set(rendered)]);
  });

  it('refuses to render a chart changed since validation, so that it no longer matches its index', () => {
    const loaded = load();
    const file = join(artifactsDir, 'charts', 'tempo-2.2.4.tgz');
    const before = readFileSync(file);
    writeFileSync(file, readFileSync(join(artifactsDir, 'charts', 'alloy-1.11.1.tgz')));
    try {
      expect(() => charts('airgap', loaded)).toThrow(ConfigError);
      expect(() => charts('airgap', loaded)).toThrow(/tempo-2\.2\.4\.tgz: sha256 mismatch/);
    } finally {
      writeFileSync(file, before);
    }
  });
});
