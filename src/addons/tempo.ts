import { ConfigError } from '../core/errors.ts';
import { HELM_CHART_KIND, labelled, SECRET_KIND, type Addon } from './addon.ts';
import { manifestObject } from './manifests.ts';
import { observabilityStorage } from './object-storage.ts';
import { helmChartManifest, renderHelmChart, secretValues } from './values.ts';

const VALUES_SECRET = 'tempo-s3-values';

/** Tempo on object storage; its access keys reach the chart only through `valuesSecrets`. */
export const tempo: Addon = {
  id: 'tempo',
  title: 'Tempo (traces)',
  kinds: [HELM_CHART_KIND, SECRET_KIND],
  enabled: (inv) => inv.addons.observability.tempo.enabled,
  render: ({ inventory, secrets }) => {
    const t = inventory.addons.observability.tempo;
    if (!t.bucket)
      throw ConfigError.plain('addons.observability.tempo.bucket', 'is required when Tempo is enabled');
    const storage = observabilityStorage(inventory, secrets, 'tempo');
    const chart = renderHelmChart(helmChartManifest('tempo', 'helmchart.yaml'), {
      version: t.version,
      derived: {
        tempo: {
          storage: {
            trace: {
              s3: {
                bucket: t.bucket,
                endpoint: storage.host,
                region: storage.region,
                insecure: storage.insecure,
                forcepathstyle: storage.forcePathStyle,
              },
            },
          },
        },
      },
      overrides: t.values,
    });
    return labelled('tempo', [
      manifestObject('monitoring', 'namespace.yaml'),
      secretValues(chart, VALUES_SECRET, {
        tempo: {
          storage: {
            trace: {
              s3: { access_key: storage.keys.accessKeyId, secret_key: storage.keys.secretAccessKey },
            },
          },
        },
      }),
      chart,
    ]);
  },
};
