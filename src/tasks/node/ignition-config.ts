import type { Host, Inventory } from '../../inventory/types.generated.ts';
import { ConfigError } from '../../core/errors.ts';
import { MODULES_FILE, modulesFileContent } from './kernel-modules.ts';
import { SYSCTL_FILE, sysctlFileContent } from './sysctls.ts';

/** The Ignition spec version rendered: the newest that Debian's ignition-validate 2.14 accepts (3.4 is refused there); Flatcar reads 3.x. */
export const IGNITION_VERSION = '3.3.0';

interface IgnitionFile {
  path: string;
  mode: number;
  overwrite: boolean;
  contents: { source: string };
}

/** Ignition's inline file source: an RFC 2397 data URL. */
function dataUrl(text: string): string {
  return `data:,${encodeURIComponent(text)}`;
}

function file(path: string, text: string, mode = 0o644): IgnitionFile {
  return { path, mode, overwrite: true, contents: { source: dataUrl(text) } };
}

/** systemd-networkd config for the host's static address (Flatcar's network stack). */
function networkUnit(host: Host): string {
  const net = host.network;
  if (!net?.interface) {
    throw ConfigError.plain(
      'inventory',
      `${host.name}: network.interface and network.prefixLength are needed for a static Ignition network config`,
    );
  }
  return [
    '[Match]',
    `Name=${net.interface}`,
    '',
    '[Network]',
    `Address=${host.address}/${net.prefixLength}`,
    ...(net.gateway ? [`Gateway=${net.gateway}`] : []),
    ...(net.dns ?? []).map((d) => `DNS=${d}`),
    '',
  ].join('\n');
}

/**
 * The Ignition config a Flatcar host boots with: its hostname, the operator's SSH key, its static
 * network and the kernel module and sysctl files the prepare tasks would otherwise write (the same
 * content, from the same functions), so the first rigger run finds them in place.
 */
export function ignitionConfig(inventory: Inventory, host: Host, sshPublicKey: string): object {
  if (host.os !== 'flatcar') {
    throw ConfigError.plain(
      'inventory',
      `${host.name} has os: ${host.os}; Ignition configs are for Flatcar hosts`,
    );
  }
  const user = host.ssh?.user ?? inventory.ssh.user;
  return {
    ignition: { version: IGNITION_VERSION },
    passwd: { users: [{ name: user, sshAuthorizedKeys: [sshPublicKey.trim()] }] },
    storage: {
      files: [
        file('/etc/hostname', `${host.name}\n`),
        file(`/etc/systemd/network/00-${host.network?.interface ?? 'static'}.network`, networkUnit(host)),
        file(MODULES_FILE, modulesFileContent(host)),
        file(SYSCTL_FILE, sysctlFileContent(inventory)),
      ],
    },
  };
}
