import type { KubernetesObject } from '@kubernetes/client-node';
import { HELM_CHART_KIND, labelled, secret, SECRET_KIND, type Addon } from './addon.ts';
import { manifestObject } from './manifests.ts';
import { observabilityStorage, thanosObjstore } from './object-storage.ts';
import { secretAt } from './s3.ts';
import { helmChartManifest, mergeValues, renderHelmChart, type Values } from './values.ts';

const THANOS_SECRET = 'thanos-objstore';
const GRAFANA_SECRET = 'grafana-admin';

/**
 * kube-prometheus-stack: Prometheus (with the Thanos sidecar shipping to object storage when
 * enabled), Alertmanager and Grafana, each switched and tuned from addons.observability.
 */
export const monitoring: Addon = {
  id: 'monitoring',
  title: 'Prometheus, Alertmanager, Grafana, Thanos sidecar',
  kinds: [HELM_CHART_KIND, SECRET_KIND],
  enabled: (inv) => inv.addons.observability.prometheus.enabled,
  render: ({ inventory, secrets }) => {
    const o = inventory.addons.observability;
    const objects: KubernetesObject[] = [manifestObject('monitoring', 'namespace.yaml')];
    const prometheusSpec: Values = { retention: o.prometheus.retention };
    if (o.thanos.enabled && o.thanos.bucket) {
      const storage = observabilityStorage(inventory, secrets, 'thanos');
      objects.push(
        secret('monitoring', THANOS_SECRET, { 'objstore.yml': thanosObjstore(storage, o.thanos.bucket) }),
      );
      prometheusSpec.thanos = {
        image: `quay.io/thanos/thanos:${o.thanos.version}`,
        objectStorageConfig: { existingSecret: { name: THANOS_SECRET, key: 'objstore.yml' } },
      };
    }
    const grafana: Values = { enabled: o.grafana.enabled };
    if (o.grafana.enabled && o.grafana.adminPassword) {
      const password = secretAt(secrets, 'addons.observability.grafana.adminPassword');
      objects.push(
        secret('monitoring', GRAFANA_SECRET, { 'admin-user': 'admin', 'admin-password': password }),
      );
      grafana.admin = {
        existingSecret: GRAFANA_SECRET,
        userKey: 'admin-user',
        passwordKey: 'admin-password',
      };
    }
    objects.push(
      renderHelmChart(helmChartManifest('monitoring', 'helmchart.yaml'), {
        version: o.prometheus.version,
        derived: {
          prometheus: { prometheusSpec, ...(o.thanos.enabled ? { thanosService: { enabled: true } } : {}) },
          alertmanager: { enabled: o.alertmanager.enabled },
          grafana,
        },
        // Each component's own values, under its key of the chart, then the chart-wide ones.
        overrides: mergeValues(
          { alertmanager: o.alertmanager.values, grafana: o.grafana.values },
          Object.keys(o.thanos.values).length
            ? { prometheus: { prometheusSpec: { thanos: o.thanos.values } } }
            : {},
          o.prometheus.values,
        ),
      }),
    );
    return labelled('monitoring', objects);
  },
};
