import { HELM_CHART_KIND, labelled, type Addon } from './addon.ts';
import { manifestObject } from './manifests.ts';
import { chartRepository } from './chart-repository.ts';
import { helmChartManifest, renderHelmChart } from './values.ts';

/** Grafana Alloy on every node, shipping its pods' logs and its journal to Loki, each once. */
export const logs: Addon = {
  id: 'logs',
  title: 'Alloy (log shipper)',
  kinds: [HELM_CHART_KIND],
  enabled: (inv) => inv.addons.observability.logs.enabled,
  render: ({ inventory }) => {
    const l = inventory.addons.observability.logs;
    return labelled('logs', [
      manifestObject('monitoring', 'namespace.yaml'),
      renderHelmChart(helmChartManifest('logs', 'helmchart.yaml'), {
        version: l.version,
        repo: chartRepository(inventory, l.chartRepository),
        overrides: l.values,
      }),
    ]);
  },
};
