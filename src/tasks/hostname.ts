import { filesProbe, parseFiles } from '../hosts/file-facts.ts';
import { shQuote } from '../hosts/probe.ts';
import { commandChange, fileChange, type Change } from './change.ts';
import type { Task } from './task.ts';

/** The host's name is its inventory name: RKE2 registers the node under it. */
export const hostname: Task = {
  id: 'hostname',
  title: 'Hostname',
  probes: () => [filesProbe('files:hostname', ['/etc/hostname']), { id: 'hostname:live', script: 'hostname' }],
  plan: ({ host, facts }) => {
    const changes: Change[] = [];
    const file = fileChange(
      { path: '/etc/hostname', content: `${host.name}\n`, mode: 0o644 },
      parseFiles(facts.get('files:hostname')).get('/etc/hostname'),
    );
    if (file) changes.push(file);
    const live = facts.get('hostname:live').trim();
    if (live !== host.name) {
      changes.push(commandChange(`hostname: ${live} -> ${host.name}`, `hostname ${shQuote(host.name)}`));
    }
    return changes;
  },
};
