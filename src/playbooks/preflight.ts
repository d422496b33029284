import type { HostFacts } from '../hosts/host-facts.ts';
import type { Host } from '../inventory/types.generated.ts';

/**
 * The Ubuntu family: the OS IDs rigger treats as `os: ubuntu` (apt, dpkg, systemd). Debian is in
 * it because Ubuntu derives from it and the lab's hosts run Debian; Ubuntu-only choices (a
 * package name, a path) are made explicitly where they differ.
 */
export const UBUNTU_FAMILY = ['ubuntu', 'debian'];

/** The inventory's `os` must match what the host says it is, before anything changes. */
export function checkOs(host: Host, facts: HostFacts): string | undefined {
  const ids = [facts.osId, ...facts.osLike];
  const ok = host.os === 'flatcar' ? ids.includes('flatcar') : ids.some((id) => UBUNTU_FAMILY.includes(id));
  if (ok) return undefined;
  return `the inventory says os: ${host.os}, but the host reports ${facts.osId} ${facts.osVersion}`.trim();
}
