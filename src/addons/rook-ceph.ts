import { parse, stringify } from 'yaml';
import type { Inventory } from '../inventory/types.generated.ts';
import { HELM_CHART_KIND, labelled, type Addon } from './addon.ts';
import { chartRepository } from './chart-repository.ts';
import { manifestObject } from './manifests.ts';
import { CEPH_BLOCK_CLASS } from './storage.ts';
import { helmChartManifest, renderHelmChart, type HelmChart, type Values } from './values.ts';

/** OSDs on exactly the storage hosts' listed devices (a node's name is its kubernetes.io/hostname). */
function storageNodes(inventory: Inventory): Values[] {
  return inventory.hosts
    .filter((h) => h.roles.includes('storage') && (h.storage?.devices?.length ?? 0) > 0)
    .map((h) => ({
      name: h.name,
      devices: (h.storage?.devices ?? []).map((d) => ({ name: d.replace(/^\/dev\//, '') })),
    }));
}

/**
 * The cluster chart's manifest with the block pool's StorageClass named: lists are replaced whole
 * when values merge, so the pool is named in the manifest's own list rather than overridden.
 */
function clusterManifest(inventory: Inventory): HelmChart {
  const chart = helmChartManifest('rook-ceph', 'cluster-helmchart.yaml');
  const values = parse(chart.spec.valuesContent ?? '') as { cephBlockPools: { storageClass: Values }[] };
  for (const pool of values.cephBlockPools)
    pool.storageClass.name = inventory.addons.storage.storageClass ?? CEPH_BLOCK_CLASS;
  chart.spec.valuesContent = stringify(values);
  return chart;
}

/**
 * Rook-Ceph, as three charts installed in order: the operator (with the CRDs), then the
 * CephCluster with a block pool and the platform's default StorageClass, then the CSI drivers
 * that serve that StorageClass's provisioner. The CephCluster belongs to its chart's release:
 * rigger never lists it as its own (deleting it would destroy the cluster's data).
 */
export const rookCeph: Addon = {
  id: 'rook-ceph',
  title: 'Rook-Ceph (storage)',
  kinds: [HELM_CHART_KIND],
  enabled: (inv) => inv.addons.rookCeph.enabled,
  render: ({ inventory }) => {
    const r = inventory.addons.rookCeph;
    const repo = chartRepository(inventory, r.chartRepository);
    return labelled('rook-ceph', [
      manifestObject('rook-ceph', 'namespace.yaml'),
      renderHelmChart(helmChartManifest('rook-ceph', 'helmchart.yaml'), {
        version: r.version,
        repo,
        overrides: r.values,
      }),
      renderHelmChart(clusterManifest(inventory), {
        version: r.version,
        repo,
        derived: {
          cephClusterSpec: {
            dataDirHostPath: r.dataDirHostPath,
            storage: { nodes: storageNodes(inventory) },
          },
        },
      }),
      renderHelmChart(helmChartManifest('rook-ceph', 'csi-drivers-helmchart.yaml'), {
        version: r.csiDriversVersion,
        repo,
      }),
    ]);
  },
};
