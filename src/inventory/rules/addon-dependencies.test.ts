import { describe, expect, it } from 'vitest';
import { brief, editProd, lineOf, loadText, problemsOf } from '../testing.ts';

describe('add-on dependencies rule', () => {
  it('refuses Loki without object storage', () => {
    const text = editProd((d) => d.deleteIn(['addons', 'observability', 'objectStorage']));
    const lines = brief(problemsOf(text));
    expect(lines).toContain(
      `${lineOf(text, 'enabled', 'loki:')} addons.observability.loki.enabled: loki stores its data in object storage: set addons.observability.objectStorage`,
    );
    expect(lines).toHaveLength(3); // thanos, loki, tempo
  });

  it('refuses Tempo without a bucket', () => {
    const text = editProd((d) => d.deleteIn(['addons', 'observability', 'tempo', 'bucket']));
    expect(brief(problemsOf(text))).toEqual([
      '115 addons.observability.tempo: bucket is required when tempo is enabled',
    ]);
  });

  it('refuses the Thanos sidecar without Prometheus', () => {
    const text = editProd((d) => d.setIn(['addons', 'observability', 'prometheus', 'enabled'], false));
    expect(brief(problemsOf(text))).toEqual([
      '112 addons.observability.thanos.enabled: the Thanos sidecar runs beside Prometheus: enable observability.prometheus',
    ]);
  });

  it('warns when the log shipper has no Loki to send to', () => {
    const text = editProd((d) => d.setIn(['addons', 'observability', 'loki', 'enabled'], false));
    expect(brief(loadText(text).warnings)).toEqual([
      '114 addons.observability.logs.enabled: the log shipper sends to Loki, which is disabled',
    ]);
  });

  it('requires S3 settings when Velero is enabled', () => {
    const text = editProd((d) => d.deleteIn(['addons', 'velero', 's3']));
    expect(brief(problemsOf(text))).toEqual([`${lineOf(text, 'velero:')} addons.velero.s3: is required`]);
  });
});
