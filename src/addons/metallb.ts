import { HELM_CHART_KIND, labelled, type Addon } from './addon.ts';
import { manifestObject, named, specObject } from './manifests.ts';
import { chartRepository } from './chart-repository.ts';
import { helmChartManifest, renderHelmChart } from './values.ts';

const POOL_KIND = { apiVersion: 'metallb.io/v1beta1', kind: 'IPAddressPool' };
const L2_KIND = { apiVersion: 'metallb.io/v1beta1', kind: 'L2Advertisement' };

/** MetalLB in layer 2 mode: the chart, then one IPAddressPool per inventory pool and their announcement. */
export const metallb: Addon = {
  id: 'metallb',
  title: 'MetalLB (load-balancer addresses)',
  kinds: [HELM_CHART_KIND, POOL_KIND, L2_KIND],
  enabled: (inv) => inv.addons.metallb.enabled,
  render: ({ inventory }) => {
    const m = inventory.addons.metallb;
    const pools = m.pools.map((p) => {
      const pool = specObject('metallb', 'ip-address-pool.yaml');
      named(pool, p.name);
      pool.spec.addresses = [...p.addresses];
      pool.spec.autoAssign = p.autoAssign;
      return pool;
    });
    const l2 = specObject('metallb', 'l2-advertisement.yaml');
    l2.spec.ipAddressPools = m.pools.map((p) => p.name);
    return labelled('metallb', [
      manifestObject('metallb', 'namespace.yaml'),
      renderHelmChart(helmChartManifest('metallb', 'helmchart.yaml'), {
        version: m.version,
        repo: chartRepository(inventory, m.chartRepository),
        overrides: m.values,
      }),
      ...pools,
      ...(pools.length ? [l2] : []),
    ]);
  },
};
