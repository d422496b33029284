import { describe, expect, it } from 'vitest';
import { brief, editProd, problemsOf } from '../testing.ts';

const LOOKALIKE = 'looks like an IPv4 address but is not one, and a DNS name does not end in a number';

describe('URL hosts rule', () => {
  it('refuses an S3 endpoint and a chart repository whose host ends in a number but is no IPv4 address', () => {
    const text = editProd((d) => {
      d.setIn(['addons', 'velero', 's3', 'endpoint'], 'https://10.20.0.300:9000');
      d.setIn(['addons', 'chartRepository'], 'oci://1.2.3/charts');
    });
    expect(brief(problemsOf(text)).map((l) => l.replace(/^\d+ /, ''))).toEqual([
      `addons.velero.s3.endpoint: host "10.20.0.300" ${LOOKALIKE}`,
      `addons.chartRepository: host "1.2.3" ${LOOKALIKE}`,
    ]);
  });

  it('reads the host as written, not as a URL parser would rewrite it (1.2.3 is not 1.2.0.3)', () => {
    const text = editProd((d) => d.setIn(['addons', 'velero', 's3', 'endpoint'], 'http://user@1.2.3:9000/x'));
    expect(brief(problemsOf(text)).map((l) => l.replace(/^\d+ /, ''))).toEqual([
      `addons.velero.s3.endpoint: host "1.2.3" ${LOOKALIKE}`,
    ]);
  });

  it('accepts IPv4, IPv6 and DNS hosts, and leaves Helm values alone', () => {
    const text = editProd((d) => {
      d.setIn(['addons', 'velero', 's3', 'endpoint'], 'http://10.20.0.30:9000');
      d.setIn(['addons', 'chartRepository'], 'http://[fd00::1]:8080/charts');
      d.setIn(['addons', 'observability', 'objectStorage', 'endpoint'], 'https://s3-2.example.com');
      d.setIn(['addons', 'cilium', 'values', 'image'], { repository: 'http://1.2.3/cilium' });
    });
    expect(problemsOf(text)).toEqual([]);
  });
});
