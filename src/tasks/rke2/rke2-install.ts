/**
 * RKE2 itself, at the inventory's pinned version.
 *
 * - `online`: the official install script, with the pinned version, the node's type and always
 *   the tar method into rigger's prefix (`/usr/local`, `/opt/rke2` on Flatcar).
 * - `airgap`: the release artifacts were verified on this machine before the run; rigger uploads
 *   what the host lacks (each upload is checked by sha256 before it replaces anything), verifies
 *   them again on the host with the release's own `sha256sum-amd64.txt`, then installs the tarball
 *   as the script's tar method does: under `/usr/local`, or `/opt/rke2` on Flatcar with the units'
 *   paths rewritten and the units in `/etc/systemd/system/`; the images go to
 *   `/var/lib/rancher/rke2/agent/images/`. Files are unpacked beside their targets and renamed
 *   into place, the `rke2` binary last, so an interrupted install never looks installed.
 *
 * An installed RKE2 of the pinned version is left alone; another version fails the host with both
 * versions named: rigger never upgrades or downgrades on the side.
 */
import { readFile } from 'node:fs/promises';
import { RunError } from '../../core/errors.ts';
import { shQuote } from '../../hosts/shell-quote.ts';
import { recordSumScript } from './artifact-sums.ts';
import type { Change } from '../change.ts';
import { AIRGAP_FILES, type VerifiedArtifact } from './rke2-artifacts.ts';
import {
  artifactsProbe,
  ARTIFACTS_PROBE,
  INSTALLED_PROBE,
  parseArtifacts,
  parseInstalled,
  rke2Probes,
} from './rke2-facts.ts';
import { ARTIFACT_STAGING_DIR, RKE2_IMAGES_DIR, rke2Layout, type Rke2Layout } from './rke2-layout.ts';
import type { Task, TaskContext } from '../task.ts';

const INSTALL_SCRIPT_URL = 'https://get.rke2.io';

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** Where an artifact lives on the host. */
function hostPath(a: VerifiedArtifact): string {
  return a.kind === 'images' ? `${RKE2_IMAGES_DIR}/${a.name}` : `${ARTIFACT_STAGING_DIR}/${a.name}`;
}

function uploadChange(a: VerifiedArtifact): Change {
  const target = hostPath(a);
  return {
    summary: `upload ${a.name} (${size(a.size)}, sha256 ${a.sha256.slice(0, 12)}…) to ${target}`,
    apply: async (t) => {
      await t.writeFile(target, await readFile(a.path), { mode: 0o600 });
      // Hashed on the host once and recorded: later runs check it without hashing it again.
      await t.run(recordSumScript(target, a.sha256));
    },
  };
}

/** The shell script of the tar method, after a second verification on the host. */
export function tarInstallScript(layout: Rke2Layout, artifacts: readonly VerifiedArtifact[]): string {
  const tarball = artifacts.find((a) => a.kind === 'tarball');
  const images = artifacts.find((a) => a.kind === 'images');
  if (!tarball || !images) throw new RunError('air-gap install without a verified tarball and images');
  const { prefix } = layout;
  const staged = `${ARTIFACT_STAGING_DIR}/${tarball.name}`;
  const lines = [
    'set -eu',
    // Verify again on the host, with the release's checksum file, before anything is unpacked.
    `cd ${shQuote(ARTIFACT_STAGING_DIR)}`,
    `grep -E ' \\*?(${tarball.name.replace(/\./g, '\\.')})$' ${AIRGAP_FILES.checksums} | sha256sum -c --quiet -`,
    `(cd ${shQuote(RKE2_IMAGES_DIR)} && grep -E ' \\*?${images.name.replace(/\./g, '\\.')}$' ${shQuote(`${ARTIFACT_STAGING_DIR}/${AIRGAP_FILES.checksums}`)} | sha256sum -c --quiet -)`,
    `mkdir -p ${shQuote(prefix)}`,
    `tmp=$(mktemp -d ${shQuote(`${prefix}/.rigger-rke2.XXXXXX`)})`,
    `trap 'rm -rf -- "$tmp"' EXIT`,
    `tar -xzf ${shQuote(staged)} -C "$tmp"`,
  ];
  if (prefix !== '/usr/local') {
    // As the install script does for a tar prefix other than /usr/local: rewrite the units' paths.
    lines.push(
      `for f in "$tmp"/lib/systemd/system/*.service "$tmp"/lib/systemd/system/*.env "$tmp"/bin/rke2-uninstall.sh; do [ -f "$f" ] && sed -i ${shQuote(`s#/usr/local#${prefix}#g`)} "$f"; done`,
    );
  }
  lines.push(
    // Every file renamed into place (same filesystem), the rke2 binary last.
    `cd "$tmp"`,
    `find . -type f ! -path ./bin/rke2 | while read -r f; do mkdir -p ${shQuote(prefix)}/"$(dirname "$f")"; mv -f "$f" ${shQuote(prefix)}/"$f"; done`,
  );
  if (layout.unitDir !== `${prefix}/lib/systemd/system`) {
    lines.push(
      `mkdir -p ${shQuote(layout.unitDir)}`,
      `for f in ${shQuote(prefix)}/lib/systemd/system/rke2-*; do cp -f "$f" ${shQuote(layout.unitDir)}/.rigger-unit.tmp && mv -f ${shQuote(layout.unitDir)}/.rigger-unit.tmp ${shQuote(layout.unitDir)}/"$(basename "$f")"; done`,
    );
  }
  lines.push(
    `mkdir -p ${shQuote(prefix)}/bin`,
    `mv -f bin/rke2 ${shQuote(prefix)}/bin/rke2`,
    'systemctl daemon-reload',
  );
  return lines.join('\n');
}

/**
 * The official install script, pinned, always the tar method into the prefix rigger expects.
 * Left unset, install.sh (rancher/rke2 `install.sh`, `setup_env`) picks the rpm method where yum
 * exists and silently installs into /opt/rke2 when /usr/local is read-only or a mount point; rigger
 * would then not find RKE2 where it looks and reinstall on every run. Given explicitly, a
 * read-only prefix fails the install loudly instead.
 */
export function onlineInstallCommand(layout: Rke2Layout, version: string): string {
  const env = [
    `INSTALL_RKE2_VERSION=${shQuote(version)}`,
    `INSTALL_RKE2_TYPE=${layout.role}`,
    'INSTALL_RKE2_METHOD=tar',
    `INSTALL_RKE2_TAR_PREFIX=${shQuote(layout.prefix)}`,
  ];
  return `curl -sfL ${INSTALL_SCRIPT_URL} | ${env.join(' ')} sh -`;
}

export const rke2Install: Task = {
  id: 'rke2-install',
  title: 'RKE2 install',
  probes: ({ inventory, host }) => {
    const installed = rke2Probes(host).filter((p) => p.id === INSTALLED_PROBE);
    if (inventory.cluster.install.mode !== 'airgap') return installed;
    return [
      ...installed,
      artifactsProbe({ staged: [AIRGAP_FILES.tarball, AIRGAP_FILES.checksums], images: AIRGAP_FILES.images }),
    ];
  },
  plan: (ctx: TaskContext) => {
    const { inventory, host, facts } = ctx;
    const layout = rke2Layout(host);
    const pinned = inventory.cluster.rke2.version;
    const installed = parseInstalled(facts);
    if (installed.version && installed.version !== pinned) {
      throw new RunError(
        `RKE2 ${installed.version} is installed at ${layout.binary}, the inventory pins ${pinned}: rigger does not change versions as a side effect (upgrades are their own command)`,
      );
    }
    const needsInstall = installed.version === undefined || !installed.unitFile;
    if (inventory.cluster.install.mode !== 'airgap') {
      return needsInstall
        ? [
            {
              summary: `install RKE2 ${pinned} (${layout.role}) with the official script into ${layout.prefix}`,
              apply: async (t) => {
                await t.run(onlineInstallCommand(layout, pinned), { timeoutMs: 600_000 });
              },
            },
          ]
        : [];
    }

    const onHost = facts.has(ARTIFACTS_PROBE) ? parseArtifacts(facts) : new Map<string, string>();
    const changes: Change[] = [];
    for (const a of ctx.artifacts) {
      // The staged tarball and checksum file only matter while installing; the images always do.
      if (a.kind !== 'images' && !needsInstall) continue;
      if (onHost.get(hostPath(a)) !== a.sha256) changes.push(uploadChange(a));
    }
    if (needsInstall) {
      changes.push({
        summary: `install RKE2 ${pinned} (${layout.role}) from the verified tarball into ${layout.prefix}`,
        apply: async (t) => {
          await t.run(tarInstallScript(layout, ctx.artifacts), { timeoutMs: 600_000 });
        },
      });
    }
    return changes;
  },
};
