import { ConfigError } from '../core/errors.ts';
import { HELM_CHART_KIND, labelled, SECRET_KIND, type Addon } from './addon.ts';
import { chartRepository } from './chart-repository.ts';
import { manifestObject } from './manifests.ts';
import { envRef, keysDigest, observabilityStorage, S3_ENV, s3EnvSecret } from './object-storage.ts';
import { storageClassOf } from './storage.ts';
import { helmChartManifest, renderHelmChart } from './values.ts';

const KEYS_SECRET = 'tempo-s3';

/**
 * Tempo on object storage. The chart renders `tempo.storage` into its ConfigMap, so the access
 * keys are not in it: Tempo expands `${AWS_…}` there from the Secret `tempo-s3` in its environment.
 * Its write-ahead log is on a claim of the platform's StorageClass.
 */
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
    const sc = storageClassOf(inventory);
    const chart = renderHelmChart(helmChartManifest('tempo', 'helmchart.yaml'), {
      version: t.version,
      repo: chartRepository(inventory, t.chartRepository),
      derived: {
        tempo: {
          extraArgs: { 'config.expand-env': 'true' },
          extraEnvFrom: [{ secretRef: { name: KEYS_SECRET } }],
          storage: {
            trace: {
              s3: {
                bucket: t.bucket,
                endpoint: storage.host,
                region: storage.region,
                insecure: storage.insecure,
                forcepathstyle: storage.forcePathStyle,
                access_key: envRef(S3_ENV.accessKeyId),
                secret_key: envRef(S3_ENV.secretAccessKey),
              },
            },
          },
        },
        podAnnotations: keysDigest(storage.keys),
        persistence: sc ? { enabled: true, storageClassName: sc } : { enabled: false },
      },
      overrides: t.values,
    });
    return labelled('tempo', [
      manifestObject('monitoring', 'namespace.yaml'),
      s3EnvSecret('monitoring', KEYS_SECRET, storage.keys),
      chart,
    ]);
  },
};
