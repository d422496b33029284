import { ConfigError } from '../core/errors.ts';
import { HELM_CHART_KIND, labelled, SECRET_KIND, type Addon } from './addon.ts';
import { manifestObject } from './manifests.ts';
import { observabilityStorage } from './object-storage.ts';
import { helmChartManifest, renderHelmChart, secretValues } from './values.ts';

const VALUES_SECRET = 'loki-s3-values';

/** Loki on object storage; its access keys reach the chart only through `valuesSecrets`. */
export const loki: Addon = {
  id: 'loki',
  title: 'Loki (logs)',
  kinds: [HELM_CHART_KIND, SECRET_KIND],
  enabled: (inv) => inv.addons.observability.loki.enabled,
  render: ({ inventory, secrets }) => {
    const l = inventory.addons.observability.loki;
    if (!l.bucket)
      throw ConfigError.plain('addons.observability.loki.bucket', 'is required when Loki is enabled');
    const storage = observabilityStorage(inventory, secrets, 'loki');
    const chart = renderHelmChart(helmChartManifest('loki', 'helmchart.yaml'), {
      version: l.version,
      derived: {
        loki: {
          storage: {
            bucketNames: { chunks: l.bucket, ruler: l.bucket, admin: l.bucket },
            s3: {
              endpoint: storage.endpoint,
              region: storage.region,
              s3ForcePathStyle: storage.forcePathStyle,
              insecure: storage.insecure,
            },
          },
        },
      },
      overrides: l.values,
    });
    return labelled('loki', [
      manifestObject('monitoring', 'namespace.yaml'),
      secretValues(chart, VALUES_SECRET, {
        loki: {
          storage: {
            s3: { accessKeyId: storage.keys.accessKeyId, secretAccessKey: storage.keys.secretAccessKey },
          },
        },
      }),
      chart,
    ]);
  },
};
