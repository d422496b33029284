/**
 * Other inventories' platforms on the real charts: storage without Rook-Ceph (a StorageClass the
 * inventory names, or no persistence), and the nightly drift check's kind cluster.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../src/core/project-root.ts';
import { editProd } from '../../src/inventory/testing.ts';
import { ofKind, renderedPlatform } from './platform.ts';
import { claims } from './workloads.ts';

describe('storage without Rook-Ceph', () => {
  const withoutRook = (storage: Record<string, unknown>) =>
    editProd((doc) => {
      doc.setIn(['addons', 'rookCeph', 'enabled'], false);
      doc.setIn(['addons', 'storage'], doc.createNode(storage));
    });

  it('puts every claim on the StorageClass the inventory names', () => {
    const p = renderedPlatform(withoutRook({ storageClass: 'local-path' }));
    expect(ofKind(p.objects, 'StorageClass')).toEqual([]);
    const all = claims(p.objects);
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(all.filter((c) => c.spec.storageClassName !== 'local-path').map((c) => c.owner)).toEqual([]);
  });

  it('claims nothing with persistence off', () => {
    const p = renderedPlatform(withoutRook({ persistence: false }));
    expect(claims(p.objects).map((c) => c.owner)).toEqual([]);
  });
});

describe('inventory/kind.yaml, the nightly drift check', () => {
  it("renders with the real charts, every claim on kind's own StorageClass", () => {
    const text = readFileSync(projectPath('inventory', 'kind.yaml'), 'utf8');
    const p = renderedPlatform(text, {
      RIGGER_KIND_TOKEN: 'kindToken',
      RIGGER_KIND_GRAFANA_PASSWORD: 'kindPassword0',
    });
    expect(p.charts.map((c) => c.chart.metadata?.name)).toEqual([
      'metallb',
      'nginx-ingress-public',
      'nginx-ingress-internal',
      'kube-prometheus-stack',
    ]);
    const all = claims(p.objects);
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(all.filter((c) => c.spec.storageClassName !== 'standard').map((c) => c.owner)).toEqual([]);
  });
});
