import { filesProbe, parseFiles } from '../../hosts/file-facts.ts';
import { shQuote } from '../../hosts/shell-quote.ts';
import type { Inventory } from '../../inventory/types.generated.ts';
import { commandChange, fileChange, type Change } from '../change.ts';
import type { Task } from '../task.ts';

export const SYSCTL_FILE = '/etc/sysctl.d/90-rke2.conf';

/** The kernel parameters RKE2 and Cilium need, persisted and live. */
export function desiredSysctls(_inventory: Inventory): [string, string][] {
  return [
    ['net.ipv4.conf.all.forwarding', '1'],
    ['net.ipv6.conf.all.forwarding', '1'],
    ['fs.inotify.max_user_instances', '8192'],
    ['fs.inotify.max_user_watches', '524288'],
  ];
}

/** The sysctl.d file: the same on a running host and in a Flatcar host's first-boot config. */
export function sysctlFileContent(inventory: Inventory): string {
  return render(desiredSysctls(inventory));
}

function render(values: [string, string][]): string {
  return `# Managed by rigger: kernel parameters for RKE2 and Cilium.\n${values.map(([k, v]) => `${k} = ${v}`).join('\n')}\n`;
}

const liveId = (key: string): string => `sysctl:${key}`;

export const sysctls: Task = {
  id: 'sysctls',
  title: 'Kernel parameters',
  probes: ({ inventory }) => [
    filesProbe('files:sysctls', [SYSCTL_FILE]),
    ...desiredSysctls(inventory).map(([k]) => ({ id: liveId(k), script: `sysctl -n ${shQuote(k)}` })),
  ],
  plan: ({ inventory, facts }) => {
    const want = desiredSysctls(inventory);
    const changes: Change[] = [];
    const file = fileChange(
      { path: SYSCTL_FILE, content: render(want), mode: 0o644 },
      parseFiles(facts.get('files:sysctls')).get(SYSCTL_FILE),
    );
    if (file) changes.push(file);
    for (const [key, value] of want) {
      const live = facts.get(liveId(key)).trim();
      if (live !== value) {
        changes.push(
          commandChange(
            `sysctl ${key}: ${live || '(unset)'} -> ${value}`,
            `sysctl -q -w ${shQuote(`${key}=${value}`)}`,
          ),
        );
      }
    }
    return changes;
  },
};
