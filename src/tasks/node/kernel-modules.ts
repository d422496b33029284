import { RunError } from '../../core/errors.ts';
import { filesProbe, parseFiles } from '../../hosts/file-facts.ts';
import { shQuote } from '../../hosts/shell-quote.ts';
import type { Host } from '../../inventory/types.generated.ts';
import { commandChange, fileChange, type Change } from '../change.ts';
import type { Task } from '../task.ts';

export const MODULES_FILE = '/etc/modules-load.d/rke2.conf';

/**
 * Where a loaded or built-in module shows itself. A module built into the kernel has no
 * /sys/module entry in every case, but its feature is there: this tells the truth on both real
 * hosts and kernels without loadable modules.
 */
const FEATURE: Record<string, string> = {
  overlay: 'grep -qw overlay /proc/filesystems',
  br_netfilter: '[ -d /proc/sys/net/bridge ]',
  rbd: '[ -d /sys/bus/rbd ]',
};

/** `overlay` and `br_netfilter` everywhere; `rbd` where Ceph OSDs run. */
export function desiredModules(host: Host): string[] {
  return ['overlay', 'br_netfilter', ...(host.roles.includes('storage') ? ['rbd'] : [])];
}

/** The modules-load.d file: the same on a running host and in a Flatcar host's first-boot config. */
export function modulesFileContent(host: Host): string {
  return `# Managed by rigger: loaded at boot for RKE2.\n${desiredModules(host).join('\n')}\n`;
}

function stateScript(m: string): string {
  const q = shQuote(m);
  const feature = FEATURE[m] ?? 'false';
  return (
    `if [ -d /sys/module/${m} ] || ${feature}; then echo loaded; ` +
    `elif grep -qsE "/${m}\\.ko" "/lib/modules/$(uname -r)/modules.builtin"; then echo loaded; ` +
    `elif modinfo ${q} >/dev/null 2>&1; then echo available; else echo missing; fi`
  );
}

export const kernelModules: Task = {
  id: 'kernel-modules',
  title: 'Kernel modules',
  probes: ({ host }) => [
    filesProbe('files:modules', [MODULES_FILE]),
    ...desiredModules(host).map((m) => ({ id: `module:${m}`, script: stateScript(m) })),
  ],
  plan: ({ host, facts, hostFacts }) => {
    const modules = desiredModules(host);
    const changes: Change[] = [];
    const file = fileChange(
      {
        path: MODULES_FILE,
        content: modulesFileContent(host),
        mode: 0o644,
      },
      parseFiles(facts.get('files:modules')).get(MODULES_FILE),
    );
    if (file) changes.push(file);
    const missing: string[] = [];
    for (const m of modules) {
      const state = facts.get(`module:${m}`).trim();
      if (state === 'available')
        changes.push(commandChange(`load kernel module ${m}`, `modprobe ${shQuote(m)}`));
      else if (state !== 'loaded') missing.push(m);
    }
    if (missing.length > 0) {
      throw new RunError(
        `kernel module ${missing.join(', ')} is not available on kernel ${hostFacts.kernel}: not loaded, not built in, ` +
          'and no loadable module found; install the kernel modules package for this kernel',
      );
    }
    return changes;
  },
};
