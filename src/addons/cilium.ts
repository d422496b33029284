/**
 * Cilium, the CNI, as RKE2 ships it: `cni: cilium` makes RKE2 deploy its bundled `rke2-cilium`
 * chart at server start, and rigger's values reach it through a HelmChartConfig of the same name
 * (rke2-docs networking/basic_network_options.md). The same object is written into each server's
 * manifests directory before RKE2 starts (src/tasks/rke2/rke2-manifests.ts), so the first install
 * already has these values, and applied here with server-side apply, so that it is checked for
 * drift like everything rigger owns. A `cilium` HelmChart of an older rigger carries this add-on's
 * label and is therefore an orphan: reported, and removed only with --prune.
 */
import type { KubernetesObject } from '@kubernetes/client-node';
import { parse, stringify } from 'yaml';
import type { Inventory } from '../inventory/types.generated.ts';
import { labelled, HELM_CHART_KIND, type Addon, type KindRef } from './addon.ts';
import { manifestObject } from './manifests.ts';
import { mergeValues, type Values } from './values.ts';

export const HELM_CHART_CONFIG_KIND: KindRef = { apiVersion: 'helm.cattle.io/v1', kind: 'HelmChartConfig' };
/** RKE2's bundled chart, and so the name of the HelmChartConfig that tunes it. */
export const RKE2_CILIUM_CHART = 'rke2-cilium';

export interface HelmChartConfig extends KubernetesObject {
  spec: { valuesContent?: string; [key: string]: unknown };
}

/**
 * The CNI RKE2 deploys: Cilium when the add-on is on; otherwise RKE2's default, Canal (a node with
 * `cni: none` stays NotReady until a CNI runs, and rigger would then have nothing that makes it
 * Ready). Read by the config (servers' `cni:`), the air-gap artifacts and the manifests task.
 */
export function rke2Cni(inventory: Inventory): 'cilium' | 'canal' {
  return inventory.addons.cilium.enabled ? 'cilium' : 'canal';
}

/** The HelmChartConfig `kube-system/rke2-cilium` with rigger's values, labelled as the add-on's. */
export function ciliumHelmChartConfig(inventory: Inventory): HelmChartConfig {
  const c = inventory.addons.cilium;
  const o = manifestObject('cilium', 'helmchartconfig.yaml') as HelmChartConfig;
  if (o.kind !== HELM_CHART_CONFIG_KIND.kind || o.metadata?.name !== RKE2_CILIUM_CHART)
    throw new Error(
      `manifests/cilium/helmchartconfig.yaml: expected the HelmChartConfig ${RKE2_CILIUM_CHART}`,
    );
  const defaults = (parse(o.spec.valuesContent ?? '') ?? {}) as Values;
  const values = mergeValues(defaults, { kubeProxyReplacement: c.kubeProxyReplacement }, c.values);
  o.spec.valuesContent = stringify(values, { lineWidth: 0 });
  return labelled('cilium', [o])[0] as HelmChartConfig;
}

export const cilium: Addon = {
  id: 'cilium',
  title: 'Cilium (CNI, RKE2 rke2-cilium values)',
  // HelmChart too: the `cilium` chart an older rigger installed is found as an orphan.
  kinds: [HELM_CHART_CONFIG_KIND, HELM_CHART_KIND],
  enabled: (inv) => inv.addons.cilium.enabled,
  render: ({ inventory }) => [ciliumHelmChartConfig(inventory)],
};
