import { ConfigError } from '../core/errors.ts';
import { HELM_CHART_KIND, labelled, SECRET_KIND, type Addon } from './addon.ts';
import { chartRepository } from './chart-repository.ts';
import { manifestObject } from './manifests.ts';
import { envRef, keysDigest, observabilityStorage, S3_ENV, s3EnvSecret } from './object-storage.ts';
import { storageClassOf } from './storage.ts';
import { helmChartManifest, renderHelmChart } from './values.ts';

const KEYS_SECRET = 'loki-s3';

/**
 * Loki on object storage. The chart renders Loki's configuration into a ConfigMap, so the access
 * keys are not in it: Loki expands `${AWS_…}` there from the Secret `loki-s3` in its environment
 * (the chart always runs Loki with `-config.expand-env=true`, loki 18.11.0 templates/_pod.tpl).
 */
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
    const sc = storageClassOf(inventory);
    const chart = renderHelmChart(helmChartManifest('loki', 'helmchart.yaml'), {
      version: l.version,
      repo: chartRepository(inventory, l.chartRepository),
      derived: {
        defaults: {
          podAnnotations: keysDigest(storage.keys),
          extraEnvFrom: [{ secretRef: { name: KEYS_SECRET } }],
        },
        loki: {
          storage: {
            bucketNames: { chunks: l.bucket, ruler: l.bucket, admin: l.bucket },
            s3: {
              endpoint: storage.endpoint,
              region: storage.region,
              s3ForcePathStyle: storage.forcePathStyle,
              insecure: storage.insecure,
              accessKeyId: envRef(S3_ENV.accessKeyId),
              secretAccessKey: envRef(S3_ENV.secretAccessKey),
            },
          },
        },
        singleBinary: { persistence: sc ? { enabled: true, storageClass: sc } : { enabled: false } },
      },
      overrides: l.values,
    });
    return labelled('loki', [
      manifestObject('monitoring', 'namespace.yaml'),
      s3EnvSecret('monitoring', KEYS_SECRET, storage.keys),
      chart,
    ]);
  },
};
