import { HELM_CHART_KIND, labelled, type Addon } from './addon.ts';
import { manifestObject } from './manifests.ts';
import { helmChartManifest, renderHelmChart } from './values.ts';

/** Grafana Alloy shipping pod logs to Loki. */
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
        overrides: l.values,
      }),
    ]);
  },
};
