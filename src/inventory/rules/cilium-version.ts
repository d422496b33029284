import { error, warning, type Rule } from './rule.ts';

/**
 * The Cilium that each RKE2 release bundles as its `rke2-cilium` chart, which `cni: cilium` makes
 * RKE2 deploy at server start (rke2 `charts/chart_versions.yaml` at the release's tag: v1.35.7+rke2r1
 * lists rke2-cilium 1.19.601, Cilium 1.19.6 build 01). rigger does not install Cilium itself.
 */
const BUNDLED_CILIUM: Readonly<Record<string, string>> = {
  'v1.35.7+rke2r1': '1.19.6',
};

/**
 * `addons.cilium.version` cannot choose a Cilium: RKE2 deploys the one it bundles. A version that
 * differs would be a silent lie in the inventory, so it is refused where rigger knows the bundle.
 */
export const ciliumVersion: Rule = ({ inventory }) => {
  const c = inventory.addons.cilium;
  if (!c.enabled) return [];
  const rke2 = inventory.cluster.rke2.version;
  const bundled = BUNDLED_CILIUM[rke2];
  const path = ['addons', 'cilium', 'version'];
  if (bundled === undefined)
    return [
      warning(path, `rigger does not know which Cilium RKE2 ${rke2} bundles; ${c.version} is not checked`),
    ];
  if (c.version === bundled) return [];
  return [
    error(
      path,
      `RKE2 ${rke2} deploys the Cilium it bundles (${bundled}, chart rke2-cilium), not ${c.version}: ` +
        `set ${bundled}, or the RKE2 release that bundles the Cilium you want`,
    ),
  ];
};
