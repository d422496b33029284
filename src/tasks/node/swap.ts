import { filesProbe, parseFiles } from '../../hosts/file-facts.ts';
import { commandChange, fileChange, type Change } from '../change.ts';
import type { Task } from '../task.ts';

const FSTAB = '/etc/fstab';

/** Swap entries in fstab are commented out, not deleted, so the operator can see what was there. */
export function withoutSwap(fstab: string): string {
  return fstab
    .split('\n')
    .map((line) => {
      const fields = line.trim().split(/\s+/);
      return !line.trimStart().startsWith('#') && fields[2] === 'swap'
        ? `# disabled by rigger (swap off for the kubelet): ${line}`
        : line;
    })
    .join('\n');
}

/** Swap off now and at boot: the usual production choice for the kubelet. */
export const swap: Task = {
  id: 'swap',
  title: 'Swap off',
  probes: () => [
    filesProbe('files:fstab', [FSTAB]),
    { id: 'swap:active', script: 'swapon --noheadings --show=NAME' },
  ],
  plan: ({ facts }) => {
    const changes: Change[] = [];
    const active = facts.get('swap:active').split('\n').filter(Boolean);
    if (active.length > 0) changes.push(commandChange(`swap off: ${active.join(', ')}`, 'swapoff -a'));
    const fstab = parseFiles(facts.get('files:fstab')).get(FSTAB);
    if (fstab) {
      const text = fstab.content.toString('utf8');
      const wanted = withoutSwap(text);
      if (wanted !== text) {
        const change = fileChange(
          { path: FSTAB, content: wanted, mode: fstab.mode, owner: fstab.owner, group: fstab.group },
          fstab,
        );
        if (change) changes.push(change);
      }
    }
    return changes;
  },
};
