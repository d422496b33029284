/**
 * The lab's add-ons installed air-gapped: an artifacts directory whose `charts/` folder holds the
 * charts (laid out as the lab's mirror is, nginx-ingress vendored for offline use) and no global
 * chart mirror, only Prometheus' own (its chart is too large to embed). rigger embeds MetalLB's and
 * both NGINX charts as `chartContent`, and the stand-in helm-controller installs them from it with
 * real helm (test/rke2-stand-in/CONTRACT.md: klipper-helm `helm_content_decode`).
 */
import { mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreV1Api, KubernetesObjectApi, type KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_SHA256_ANNOTATION } from '../../src/addons/site-charts.ts';
import type { HelmChart } from '../../src/addons/values.ts';
import { runCli } from '../../src/cli/testing.ts';
import { LAB_CHARTS_DIR } from '../../src/lab/chart-mirror.ts';
import { LAB_RKE2_ARTIFACTS } from '../../src/lab/paths.ts';
import { prepareSiteCharts } from '../../src/lab/site-charts.ts';
import { ensureLab, labClusterKubeconfig, labInventory, ROOT } from '../support/lab.ts';

const MIRROR = 'http://172.31.250.1:8879';
const EMBEDDED = ['metallb', 'nginx-ingress-public', 'nginx-ingress-internal'];

const readChart = (api: KubernetesObjectApi, name: string): Promise<HelmChart> =>
  api.read<HelmChart>({
    apiVersion: 'helm.cattle.io/v1',
    kind: 'HelmChart',
    metadata: { name, namespace: 'kube-system' },
  });

async function cli(...argv: string[]) {
  return runCli(argv, { cwd: ROOT, env: process.env });
}

describe.sequential('air-gapped add-ons on the lab cluster', () => {
  let kc: KubeConfig;
  let api: KubernetesObjectApi;
  let siteCharts = '';
  let inventory = '';

  beforeAll(async () => {
    await ensureLab();
    // The lab's release artifacts, beside the site's charts/ folder.
    const artifacts = mkdtempSync(join(tmpdir(), 'rigger-airgap-artifacts-'));
    for (const f of readdirSync(LAB_RKE2_ARTIFACTS))
      symlinkSync(join(LAB_RKE2_ARTIFACTS, f), join(artifacts, f));
    siteCharts = join(artifacts, 'charts');
    await prepareSiteCharts(LAB_CHARTS_DIR, siteCharts);
    inventory = labInventory((doc) => {
      doc.setIn(['cluster', 'install', 'artifactsDir'], artifacts);
      doc.deleteIn(['addons', 'chartRepository']);
      doc.setIn(['addons', 'observability', 'prometheus', 'chartRepository'], MIRROR);
    });
    const found = await labClusterKubeconfig();
    if (!found) throw new Error('no lab cluster answers: provision inventory/lab.yaml first');
    kc = found;
    api = KubernetesObjectApi.makeApiClient(kc);
  });
  // Leave the cluster as inventory/lab.yaml has it: its charts from the mirror again.
  afterAll(async () => {
    const r = await cli('provision', labInventory(), '--only', 'addons');
    expect(r.code, r.stderr + r.stdout).toBe(0);
  });

  it('validate accepts the site folder, and refuses it without the mirror for the chart too large to embed', async () => {
    expect((await cli('validate', inventory)).code).toBe(0);
    const bare = labInventory((doc) => {
      doc.setIn(['cluster', 'install', 'artifactsDir'], join(siteCharts, '..'));
      doc.deleteIn(['addons', 'chartRepository']);
    });
    const r = await cli('validate', bare);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /lab\.yaml:\d+:\d+ addons\.observability\.prometheus\.version: .*kube-prometheus-stack-88\.5\.3\.tgz is \d+ KiB, more than the 576 KiB/,
    );
  });

  it("installs MetalLB and both NGINX Ingress Controllers from the site's archives, through chartContent", async () => {
    const core = kc.makeApiClient(CoreV1Api);
    // What the stand-in keeps of a render: gone first, so that what is there after is this install's.
    for (const name of EMBEDDED)
      await core
        .deleteNamespacedSecret({ name: `stand-in-rendered-${name}`, namespace: 'kube-system' })
        .catch(() => undefined);
    const r = await cli('provision', inventory, '--only', 'addons');
    expect(r.code, r.stderr + r.stdout).toBe(0);
    for (const name of EMBEDDED) {
      const chart = await readChart(api, name);
      const file = `${chart.spec.chart}-${chart.spec.version ?? ''}.tgz`;
      expect(
        Buffer.from(chart.spec.chartContent as string, 'base64').equals(readFileSync(join(siteCharts, file))),
      ).toBe(true);
      expect(chart.spec.repo).toBeUndefined();
      expect(chart.metadata?.annotations?.[CHART_SHA256_ANNOTATION]).toMatch(/^[0-9a-f]{64}$/);
      const kept = await core.readNamespacedSecret({
        name: `stand-in-rendered-${name}`,
        namespace: 'kube-system',
      });
      expect(kept.data?.['rendered.yaml.gz'], name).toBeDefined();
    }
    const prom = await readChart(api, 'kube-prometheus-stack');
    expect(prom.spec.chartContent).toBeUndefined();
    expect(prom.spec.repo).toBe(MIRROR);
  });

  it('changes nothing on a second run', async () => {
    const r = await cli('provision', inventory, '--only', 'addons');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^0 task\(s\) changed$/m);
  });
});
