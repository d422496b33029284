import type { Inventory } from '../inventory/types.generated.ts';
import { chartRepository } from './chart-repository.ts';
import { storageClassOf } from './storage.ts';
import { helmChartManifest, renderHelmChart, type HelmChart, type Values } from './values.ts';

/** Thanos Query's HTTP endpoint (release `thanos` in `monitoring`), which Grafana queries. */
export const THANOS_QUERY_URL = 'http://thanos-query.monitoring.svc:9090';

/** The Thanos image of the sidecar and of every Thanos component: one release across all. */
export const thanosImage = (inventory: Inventory): string =>
  `quay.io/thanos/thanos:${inventory.addons.observability.thanos.imageTag}`;

/** Query, Store Gateway and Compactor over the bucket the sidecars fill. */
export function thanosChart(inventory: Inventory): HelmChart {
  const t = inventory.addons.observability.thanos;
  const sc = storageClassOf(inventory);
  const persistence: Values = sc ? { storageClass: sc } : { enabled: false };
  return renderHelmChart(helmChartManifest('monitoring', 'thanos-helmchart.yaml'), {
    version: t.version,
    repo: chartRepository(inventory, t.chartRepository),
    derived: {
      global: { image: { tag: t.imageTag } },
      compactor: { persistence },
      storegateway: { persistence },
    },
    overrides: t.values,
  });
}
