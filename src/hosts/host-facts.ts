import type { Facts, Probe } from './probe.ts';

/** What every task may rely on knowing about a host. */
export interface HostFacts {
  /** os-release ID (`ubuntu`, `debian`, `flatcar`) and ID_LIKE. */
  osId: string;
  osLike: string[];
  osVersion: string;
  kernel: string;
  /** `systemd-detect-virt -c` result: `none` on metal and VMs, else the container type. */
  container: string;
  /** `dpkg` or `none` (Flatcar has no package manager). */
  packageManager: 'dpkg' | 'none';
}

export const HOST_PROBES: readonly Probe[] = [
  { id: 'os-release', script: 'cat /etc/os-release /usr/lib/os-release 2>/dev/null | head -n 40' },
  { id: 'kernel', script: 'uname -r' },
  { id: 'container', script: 'systemd-detect-virt -c || true' },
  {
    id: 'package-manager',
    script: 'if command -v dpkg-query >/dev/null; then echo dpkg; else echo none; fi',
  },
];

export function parseHostFacts(facts: Facts): HostFacts {
  const osRelease = new Map<string, string>();
  for (const line of facts.get('os-release').split('\n')) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line);
    if (m?.[1] && !osRelease.has(m[1])) osRelease.set(m[1], (m[2] ?? '').replace(/^"(.*)"$/, '$1'));
  }
  return {
    osId: osRelease.get('ID') ?? 'unknown',
    osLike: (osRelease.get('ID_LIKE') ?? '').split(/\s+/).filter(Boolean),
    osVersion: osRelease.get('VERSION_ID') ?? '',
    kernel: facts.get('kernel'),
    container: facts.get('container') || 'none',
    packageManager: facts.get('package-manager') === 'dpkg' ? 'dpkg' : 'none',
  };
}
