/**
 * rigger's files in RKE2's manifests directory, on every server, before RKE2 starts: RKE2's
 * deploy controller applies them at start and whenever they change, so the first install of
 * the bundled Cilium chart already has rigger's values (rke2-docs networking/basic_network_options.md:
 * "place that config in the manifests directory so the chart is applied correctly on install").
 * The add-ons phase applies the same object with server-side apply and checks it for drift.
 */
import { stringify } from 'yaml';
import { ciliumHelmChartConfig, rke2Cni } from '../../addons/cilium.ts';
import { filesProbe, parseFiles } from '../../hosts/file-facts.ts';
import { shQuote } from '../../hosts/shell-quote.ts';
import type { Inventory } from '../../inventory/types.generated.ts';
import { commandChange, fileChange, type Change, type DesiredFile } from '../change.ts';
import { RKE2_MANIFESTS_DIR, rke2Role } from './rke2-layout.ts';
import { TaskSkip, type Task } from '../task.ts';

export const CILIUM_CONFIG_MANIFEST = `${RKE2_MANIFESTS_DIR}/rigger-rke2-cilium.yaml`;
const PROBE = 'files:rke2-manifests';

/** The file as it must be, or undefined when rigger has nothing to say to RKE2's Cilium chart. */
export function ciliumManifestFile(inventory: Inventory): DesiredFile | undefined {
  if (rke2Cni(inventory) !== 'cilium') return undefined;
  return {
    path: CILIUM_CONFIG_MANIFEST,
    content: `# Managed by rigger from the inventory (addons.cilium): edits here are drift.\n${stringify(ciliumHelmChartConfig(inventory), { lineWidth: 0 })}`,
    // As RKE2 keeps its own manifests: the directory is the server's, not the world's.
    mode: 0o600,
  };
}

export const rke2Manifests: Task = {
  id: 'rke2-manifests',
  title: 'RKE2 manifests (Cilium values)',
  probes: () => [filesProbe(PROBE, [CILIUM_CONFIG_MANIFEST])],
  plan: ({ inventory, host, facts }) => {
    if (rke2Role(host) !== 'server') throw new TaskSkip('only servers read the manifests directory');
    const current = parseFiles(facts.get(PROBE)).get(CILIUM_CONFIG_MANIFEST);
    const want = ciliumManifestFile(inventory);
    if (!want) {
      // Cilium turned off: the file goes, so a restart does not apply it again. Removing a file
      // does not delete its objects (rke2-docs add-ons/helm.md): the add-ons phase reports the
      // HelmChartConfig as an orphan, deleted with --prune.
      return current
        ? [
            commandChange(
              `remove ${CILIUM_CONFIG_MANIFEST} (Cilium is off)`,
              `rm -f ${shQuote(CILIUM_CONFIG_MANIFEST)}`,
            ),
          ]
        : [];
    }
    const change: Change | undefined = fileChange(want, current);
    return change ? [change] : [];
  },
};
