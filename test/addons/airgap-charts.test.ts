/**
 * The air-gapped platform with the real helm: every HelmChart that carries its chart as
 * `chartContent` renders from exactly those bytes, offline, with schema validation on (as RKE2's
 * helm-controller runs it: klipper-helm's `entry` decodes the content and never skips the schema;
 * test/rke2-stand-in/CONTRACT.md). The site's folder is laid out as the lab's mirror is, F5's
 * nginx-ingress vendored for offline use.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubernetesObject } from '@kubernetes/client-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPlatform } from '../../src/addons/platform.ts';
import type { HelmChart } from '../../src/addons/values.ts';
import { Redactor } from '../../src/core/redact.ts';
import { resolveSecrets } from '../../src/inventory/secrets.ts';
import { editProd, loadText } from '../../src/inventory/testing.ts';
import { prepareSiteCharts } from '../../src/lab/site-charts.ts';
import { CHARTS_DIR, helm, KUBE_VERSION, valuesLayers } from './helm-template.ts';
import { SECRET_ENV } from './platform.ts';

let applied: KubernetesObject[] = [];

beforeAll(async () => {
  const artifactsDir = mkdtempSync(join(tmpdir(), 'rigger-airgap-site-'));
  await prepareSiteCharts(CHARTS_DIR, join(artifactsDir, 'charts'));
  const text = editProd((d) => {
    d.setIn(['cluster', 'install'], { mode: 'airgap', artifactsDir });
    d.setIn(['addons', 'chartRepository'], 'http://charts.site.internal/');
  });
  const loaded = loadText(text, SECRET_ENV);
  const secrets = resolveSecrets(loaded, SECRET_ENV, new Redactor());
  applied = renderPlatform({ inventory: loaded.inventory, secrets }).flatMap((a) => a.objects);
}, 300_000);

/** `helm template` of the chart the HelmChart embeds, with its values layered as the Job does. */
function templateEmbedded(chart: HelmChart): string {
  const dir = mkdtempSync(join(tmpdir(), 'rigger-embedded-'));
  try {
    const tgz = join(dir, `${chart.metadata?.name ?? 'chart'}.tgz`);
    writeFileSync(tgz, Buffer.from(chart.spec.chartContent as string, 'base64'));
    const files = valuesLayers(chart, applied).map((text, i) => {
      const f = join(dir, `values-${i}.yaml`);
      writeFileSync(f, text);
      return f;
    });
    const args = ['template', chart.metadata?.name ?? '', tgz, ...files.flatMap((f) => ['-f', f])];
    args.push('--kube-version', KUBE_VERSION, '--namespace', chart.spec.targetNamespace ?? 'kube-system');
    return execFileSync(helm(), args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: 'pipe' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('air-gapped add-ons with the real helm', () => {
  it('renders every embedded chart from its chartContent, offline and with its schema enforced', () => {
    const embedded = applied
      .filter((o): o is HelmChart => o.kind === 'HelmChart')
      .filter((c) => c.spec.chartContent !== undefined);
    expect(embedded.map((c) => c.spec.chart).sort()).toEqual([
      'alloy',
      'ceph-csi-drivers',
      'loki',
      'metallb',
      'nginx-ingress',
      'nginx-ingress',
      'rook-ceph',
      'rook-ceph-cluster',
      'tempo',
      'velero',
    ]);
    for (const chart of embedded) {
      let out = '';
      try {
        out = templateEmbedded(chart);
      } catch (e) {
        throw new Error(`${chart.metadata?.name}: ${(e as { stderr?: string }).stderr ?? String(e)}`);
      }
      expect(out, chart.metadata?.name).toMatch(/^kind: /m);
    }
  });
});
