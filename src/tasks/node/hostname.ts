import { filesProbe, parseFiles } from '../../hosts/file-facts.ts';
import { shQuote } from '../../hosts/shell-quote.ts';
import { commandChange, fileChange, type Change } from '../change.ts';
import type { Task } from '../task.ts';

/**
 * `/etc/hosts` with the Debian/Ubuntu `127.0.1.1 <hostname>` line, so the host resolves its own
 * name without DNS (sudo and others look it up). Other lines are kept as they are.
 */
export function withHostsEntry(hosts: string, name: string): string {
  const entry = `127.0.1.1\t${name}`;
  const lines = hosts.replace(/\n+$/, '').split('\n');
  const kept = lines.filter((l) => !/^127\.0\.1\.1\s/.test(l));
  const at = kept.findIndex((l) => /^127\.0\.0\.1\s/.test(l));
  kept.splice(at + 1, 0, entry);
  return `${kept.join('\n')}\n`;
}

/** The host's name is its inventory name: RKE2 registers the node under it. */
export const hostname: Task = {
  id: 'hostname',
  title: 'Hostname',
  probes: () => [
    filesProbe('files:hostname', ['/etc/hostname', '/etc/hosts']),
    { id: 'hostname:live', script: 'hostname' },
  ],
  plan: ({ host, facts }) => {
    const changes: Change[] = [];
    const files = parseFiles(facts.get('files:hostname'));
    const name = fileChange(
      { path: '/etc/hostname', content: `${host.name}\n`, mode: 0o644 },
      files.get('/etc/hostname'),
    );
    if (name) changes.push(name);
    const current = files.get('/etc/hosts');
    const hosts = fileChange(
      {
        path: '/etc/hosts',
        content: withHostsEntry(current?.content.toString('utf8') ?? '127.0.0.1\tlocalhost\n', host.name),
        mode: current?.mode ?? 0o644,
      },
      current,
    );
    if (hosts) changes.push(hosts);
    const live = facts.get('hostname:live').trim();
    if (live !== host.name) {
      changes.push(commandChange(`hostname: ${live} -> ${host.name}`, `hostname ${shQuote(host.name)}`));
    }
    return changes;
  },
};
