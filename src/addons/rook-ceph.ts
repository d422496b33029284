import { HELM_CHART_KIND, labelled, type Addon } from './addon.ts';
import { manifestObject, specObject } from './manifests.ts';
import { helmChartManifest, renderHelmChart } from './values.ts';

const CEPH_CLUSTER_KIND = { apiVersion: 'ceph.rook.io/v1', kind: 'CephCluster' };

/** The Rook operator, then a CephCluster with OSDs on exactly the storage hosts' listed devices. */
export const rookCeph: Addon = {
  id: 'rook-ceph',
  title: 'Rook-Ceph (storage)',
  kinds: [HELM_CHART_KIND, CEPH_CLUSTER_KIND],
  enabled: (inv) => inv.addons.rookCeph.enabled,
  render: ({ inventory }) => {
    const r = inventory.addons.rookCeph;
    const cluster = specObject('rook-ceph', 'ceph-cluster.yaml');
    cluster.spec.dataDirHostPath = r.dataDirHostPath;
    const storage = cluster.spec.storage as Record<string, unknown>;
    storage.nodes = inventory.hosts
      .filter((h) => h.roles.includes('storage') && (h.storage?.devices?.length ?? 0) > 0)
      .map((h) => ({
        name: h.name,
        devices: (h.storage?.devices ?? []).map((d) => ({ name: d.replace(/^\/dev\//, '') })),
      }));
    return labelled('rook-ceph', [
      manifestObject('rook-ceph', 'namespace.yaml'),
      renderHelmChart(helmChartManifest('rook-ceph', 'helmchart.yaml'), {
        version: r.version,
        overrides: r.values,
      }),
      cluster,
    ]);
  },
};
