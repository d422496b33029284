/**
 * Charts from the site on an air-gapped cluster: a HelmChart whose chart and version are in the
 * artifacts directory's `charts/` folder (verified against its `index.yaml` digest) carries the
 * archive itself as `spec.chartContent`, which RKE2's helm-controller installs without fetching
 * anything (k3s-io/helm-controller v0.17.7 pkg/apis/helm.cattle.io/v1/types.go: "Base64-encoded
 * chart archive .tgz; overides `.spec.chart` and `.spec.version`"). Charts larger than an object
 * may hold, and charts not in the folder, come from the chart mirror (`chartRepository`), which
 * `validate` requires then (src/inventory/rules/airgap-addons.ts).
 */
import { readFileSync } from 'node:fs';
import type { KubernetesObject } from '@kubernetes/client-node';
import { ConfigError } from '../core/errors.ts';
import { CHART_CONTENT_MAX_BYTES, siteChart, siteChartsDir } from '../inventory/rules/airgap-addons.ts';
import type { Inventory } from '../inventory/types.generated.ts';
import type { Addon } from './addon.ts';
import type { HelmChart } from './values.ts';

/** The sha256 of the embedded archive, as the site's index lists it: what was installed, on the object. */
export const CHART_SHA256_ANNOTATION = 'rigger.dev/chart-sha256';

const isChart = (o: KubernetesObject): o is HelmChart => o.kind === 'HelmChart';

/** The chart with the site's archive embedded, or unchanged when the site's folder has none that fits. */
export function withSiteChart(inventory: Inventory, chart: HelmChart): HelmChart {
  const dir = siteChartsDir(inventory);
  const { chart: name, version } = chart.spec;
  if (!dir || !version) return chart;
  const found = siteChart(dir, name, version);
  // `validate` refused this already; a file changed since is refused here too, never installed.
  if (found.state === 'refused') throw ConfigError.plain(found.file, found.problem);
  if (found.state === 'missing' || found.size > CHART_CONTENT_MAX_BYTES) return chart;
  const out = structuredClone(chart);
  out.spec.chartContent = readFileSync(found.file).toString('base64');
  // With chartContent the Job would still `helm repo add` a repo (chart.go job(), klipper-helm
  // entry): an air-gapped cluster cannot reach it, and needs none.
  delete out.spec.repo;
  const metadata = (out.metadata ??= {});
  metadata.annotations = { ...metadata.annotations, [CHART_SHA256_ANNOTATION]: found.sha256 };
  return out;
}

/** An add-on whose HelmCharts take their charts from the site's folder where they can. */
export function withSiteCharts(addon: Addon): Addon {
  return {
    ...addon,
    render: (ctx) => addon.render(ctx).map((o) => (isChart(o) ? withSiteChart(ctx.inventory, o) : o)),
  };
}
