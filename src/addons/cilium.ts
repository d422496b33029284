import { labelled, HELM_CHART_KIND, type Addon } from './addon.ts';
import { helmChartManifest, renderHelmChart } from './values.ts';

/** Cilium, the CNI: first, since nodes are NotReady until it runs. */
export const cilium: Addon = {
  id: 'cilium',
  title: 'Cilium (CNI)',
  kinds: [HELM_CHART_KIND],
  enabled: (inv) => inv.addons.cilium.enabled,
  render: ({ inventory }) => {
    const c = inventory.addons.cilium;
    return labelled('cilium', [
      renderHelmChart(helmChartManifest('cilium', 'helmchart.yaml'), {
        version: c.version,
        derived: { kubeProxyReplacement: c.kubeProxyReplacement },
        overrides: c.values,
      }),
    ]);
  },
};
