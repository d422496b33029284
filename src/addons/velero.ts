import { ConfigError } from '../core/errors.ts';
import { HELM_CHART_KIND, labelled, secret, SECRET_KIND, type Addon } from './addon.ts';
import { manifestObject, specObject } from './manifests.ts';
import { awsCredentialsFile, parseS3Credentials, secretAt } from './s3.ts';
import { chartRepository } from './chart-repository.ts';
import { helmChartManifest, renderHelmChart } from './values.ts';

const BSL_KIND = { apiVersion: 'velero.io/v1', kind: 'BackupStorageLocation' };
const SCHEDULE_KIND = { apiVersion: 'velero.io/v1', kind: 'Schedule' };

/** Velero: the chart, its S3 credentials Secret, the storage location and the backup schedule. */
export const velero: Addon = {
  id: 'velero',
  title: 'Velero (backups)',
  kinds: [HELM_CHART_KIND, SECRET_KIND, BSL_KIND, SCHEDULE_KIND],
  enabled: (inv) => inv.addons.velero.enabled,
  render: ({ inventory, secrets }) => {
    const v = inventory.addons.velero;
    if (!v.s3) throw ConfigError.plain('addons.velero.s3', 'is required when Velero is enabled');
    const path = 'addons.velero.s3.credentials';
    const keys = parseS3Credentials(secretAt(secrets, path), path);
    const bsl = specObject('velero', 'backup-storage-location.yaml');
    (bsl.spec.objectStorage as Record<string, unknown>).bucket = v.s3.bucket;
    bsl.spec.config = {
      region: v.s3.region,
      s3Url: v.s3.endpoint,
      s3ForcePathStyle: String(v.s3.forcePathStyle),
    };
    const schedule = specObject('velero', 'schedule.yaml');
    schedule.spec.schedule = v.schedule;
    (schedule.spec.template as Record<string, unknown>).ttl = v.ttl;
    return labelled('velero', [
      manifestObject('velero', 'namespace.yaml'),
      secret('velero', 'velero-s3', { cloud: awsCredentialsFile(keys) }),
      renderHelmChart(helmChartManifest('velero', 'helmchart.yaml'), {
        version: v.version,
        repo: chartRepository(inventory, v.chartRepository),
        overrides: v.values,
      }),
      bsl,
      schedule,
    ]);
  },
};
