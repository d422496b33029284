import type { KubernetesObject } from '@kubernetes/client-node';
import type { Secrets } from '../inventory/secrets.ts';
import type { Inventory } from '../inventory/types.generated.ts';
import { HELM_CHART_KIND, labelled, secret, SECRET_KIND, type Addon } from './addon.ts';
import { chartRepository } from './chart-repository.ts';
import { manifestObject } from './manifests.ts';
import { observabilityStorage, thanosObjstore } from './object-storage.ts';
import { secretAt } from './s3.ts';
import { storageClassOf } from './storage.ts';
import { THANOS_QUERY_URL, thanosChart, thanosImage } from './thanos.ts';
import { helmChartManifest, mergeValues, renderHelmChart, type Values } from './values.ts';

const THANOS_SECRET = 'thanos-objstore';
const GRAFANA_SECRET = 'grafana-admin';

/**
 * Claims of Prometheus, Alertmanager and Grafana on the platform's StorageClass (sizes are the
 * manifest's); with persistence off, the claim templates are removed (the chart's emptyDir).
 */
function storageValues(inventory: Inventory): Values {
  const sc = storageClassOf(inventory);
  if (!sc)
    return {
      prometheus: { prometheusSpec: { storageSpec: null } },
      alertmanager: { alertmanagerSpec: { storage: null } },
      grafana: { persistence: { enabled: false } },
    };
  const claim = { volumeClaimTemplate: { spec: { storageClassName: sc } } };
  return {
    prometheus: { prometheusSpec: { storageSpec: claim } },
    alertmanager: { alertmanagerSpec: { storage: claim } },
    grafana: { persistence: { enabled: true, storageClassName: sc } },
  };
}

/** The objects and values that only exist with Thanos: its Secret, the sidecar, Thanos' own chart. */
function thanosParts(
  inventory: Inventory,
  secrets: Secrets,
): { objects: KubernetesObject[]; values: Values; charts: KubernetesObject[] } {
  const t = inventory.addons.observability.thanos;
  if (!t.enabled || !t.bucket) return { objects: [], values: {}, charts: [] };
  const storage = observabilityStorage(inventory, secrets, 'thanos');
  return {
    objects: [secret('monitoring', THANOS_SECRET, { 'objstore.yml': thanosObjstore(storage, t.bucket) })],
    values: {
      prometheus: {
        prometheusSpec: {
          thanos: {
            image: thanosImage(inventory),
            objectStorageConfig: { existingSecret: { name: THANOS_SECRET, key: 'objstore.yml' } },
          },
        },
        // The headless Service over the sidecars' gRPC port, which Thanos Query discovers.
        thanosService: { enabled: true },
      },
      // Grafana's default datasource: Query sees the sidecars' recent data and the bucket's history.
      grafana: { sidecar: { datasources: { url: THANOS_QUERY_URL } } },
    },
    charts: [thanosChart(inventory)],
  };
}

/** Grafana's admin Secret and the values that point Grafana at it. */
function grafanaValues(
  inventory: Inventory,
  secrets: Secrets,
): { objects: KubernetesObject[]; values: Values } {
  const g = inventory.addons.observability.grafana;
  if (!g.enabled || !g.adminPassword) return { objects: [], values: { grafana: { enabled: g.enabled } } };
  const password = secretAt(secrets, 'addons.observability.grafana.adminPassword');
  return {
    objects: [secret('monitoring', GRAFANA_SECRET, { 'admin-user': 'admin', 'admin-password': password })],
    values: {
      grafana: {
        enabled: true,
        admin: { existingSecret: GRAFANA_SECRET, userKey: 'admin-user', passwordKey: 'admin-password' },
      },
    },
  };
}

/**
 * kube-prometheus-stack: Prometheus (with the Thanos sidecar shipping to object storage when
 * enabled), Alertmanager and Grafana, each switched and tuned from addons.observability; with
 * Thanos, also Thanos' own chart (Query, Store Gateway, Compactor).
 */
export const monitoring: Addon = {
  id: 'monitoring',
  title: 'Prometheus, Alertmanager, Grafana, Thanos',
  kinds: [HELM_CHART_KIND, SECRET_KIND],
  enabled: (inv) => inv.addons.observability.prometheus.enabled,
  render: ({ inventory, secrets }) => {
    const o = inventory.addons.observability;
    const thanos = thanosParts(inventory, secrets);
    const grafana = grafanaValues(inventory, secrets);
    const chart = renderHelmChart(helmChartManifest('monitoring', 'helmchart.yaml'), {
      version: o.prometheus.version,
      repo: chartRepository(inventory, o.prometheus.chartRepository),
      derived: [
        { prometheus: { prometheusSpec: { retention: o.prometheus.retention } } },
        { alertmanager: { enabled: o.alertmanager.enabled } },
        storageValues(inventory),
        thanos.values,
        grafana.values,
      ],
      // Each component's own values, under its key of the chart, then the chart-wide ones.
      overrides: mergeValues(
        { alertmanager: o.alertmanager.values, grafana: o.grafana.values },
        o.prometheus.values,
      ),
    });
    return labelled('monitoring', [
      manifestObject('monitoring', 'namespace.yaml'),
      ...thanos.objects,
      ...grafana.objects,
      chart,
      ...thanos.charts,
    ]);
  },
};
