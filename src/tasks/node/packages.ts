import { RunError } from '../../core/errors.ts';
import { shQuote } from '../../hosts/shell-quote.ts';
import type { Host } from '../../inventory/types.generated.ts';
import { commandChange } from '../change.ts';
import type { Task } from '../task.ts';

/** Packages the Ubuntu family needs: `curl` for the install script, `lvm2` for Ceph OSDs. */
export function desiredPackages(host: Host): string[] {
  return ['curl', 'ca-certificates', ...(host.roles.includes('storage') ? ['lvm2'] : [])];
}

/** On Flatcar nothing can be installed: these commands must already be there. */
const FLATCAR_COMMANDS: Record<string, string> = { curl: 'curl', lvm2: 'lvm' };

export const packages: Task = {
  id: 'packages',
  title: 'Packages',
  probes: ({ host }) => {
    const pkgs = desiredPackages(host);
    return [
      {
        id: 'packages',
        script:
          host.os === 'flatcar'
            ? Object.entries(FLATCAR_COMMANDS)
                .map(([p, c]) => `if command -v ${c} >/dev/null; then echo '${p} installed'; fi`)
                .join('; ')
            : `dpkg-query -W -f='\${Package} \${db:Status-Status}\\n' ${pkgs.map(shQuote).join(' ')}`,
      },
    ];
  },
  plan: ({ host, facts }) => {
    const installed = new Set(
      facts
        .get('packages')
        .split('\n')
        .filter((l) => l.endsWith(' installed'))
        .map((l) => l.split(' ')[0]),
    );
    const missing = desiredPackages(host).filter(
      (p) => !installed.has(p) && (host.os !== 'flatcar' || p in FLATCAR_COMMANDS),
    );
    if (missing.length === 0) return [];
    if (host.os === 'flatcar') {
      throw new RunError(
        `Flatcar has no package manager and lacks ${missing.join(', ')}: provide it with a systemd-sysext image`,
      );
    }
    return [
      commandChange(
        `install packages: ${missing.join(', ')}`,
        `export DEBIAN_FRONTEND=noninteractive; apt-get update -q && apt-get install -y -q --no-install-recommends ${missing.map(shQuote).join(' ')}`,
      ),
    ];
  },
};
