import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { editProd, loadText, prodText } from '../inventory/testing.ts';
import { ciliumManifestFile } from '../tasks/rke2/rke2-manifests.ts';
import { cilium, ciliumHelmChartConfig, rke2Cni } from './cilium.ts';

const inventory = loadText(prodText()).inventory;

describe('the cilium add-on', () => {
  it("renders RKE2's rke2-cilium HelmChartConfig, not a chart of its own", () => {
    const objects = cilium.render({ inventory, secrets: new Map() });
    expect(
      objects.map((o) => `${o.apiVersion} ${o.kind} ${o.metadata?.namespace}/${o.metadata?.name}`),
    ).toEqual(['helm.cattle.io/v1 HelmChartConfig kube-system/rke2-cilium']);
    expect(objects[0]?.metadata?.labels).toMatchObject({
      'app.kubernetes.io/managed-by': 'rigger',
      'rigger.dev/addon': 'cilium',
    });
  });

  it("still lists HelmCharts among its kinds, so an older rigger's `cilium` chart is found as an orphan", () => {
    expect(cilium.kinds).toContainEqual({ apiVersion: 'helm.cattle.io/v1', kind: 'HelmChart' });
    expect(cilium.kinds).toContainEqual({ apiVersion: 'helm.cattle.io/v1', kind: 'HelmChartConfig' });
  });

  it('applies the same object that the servers find in their manifests directory', () => {
    const file = ciliumManifestFile(inventory);
    expect(parse(file?.content ?? '')).toEqual(ciliumHelmChartConfig(inventory));
  });

  it('lets the operator turn kube-proxy replacement off, and uses Canal when Cilium is off', () => {
    const kp = loadText(
      editProd((d) => d.setIn(['addons', 'cilium', 'kubeProxyReplacement'], false)),
    ).inventory;
    expect(parse(ciliumHelmChartConfig(kp).spec.valuesContent ?? '')).toMatchObject({
      kubeProxyReplacement: false,
    });
    expect(rke2Cni(inventory)).toBe('cilium');
    const off = loadText(editProd((d) => d.setIn(['addons', 'cilium', 'enabled'], false))).inventory;
    expect(rke2Cni(off)).toBe('canal');
    expect(ciliumManifestFile(off)).toBeUndefined();
  });
});
