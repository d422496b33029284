import { error, warning, type Finding, type Rule } from './rule.ts';

/** Ceph keeps three replicas on three hosts: Rook-Ceph needs at least three storage hosts with disks. */
export const storageHosts: Rule = ({ inventory }) => {
  const findings: Finding[] = [];
  const withDisks = inventory.hosts.filter(
    (h) => h.roles.includes('storage') && (h.storage?.devices?.length ?? 0) > 0,
  );
  inventory.hosts.forEach((h, i) => {
    const devices = h.storage?.devices ?? [];
    if (h.roles.includes('storage') && devices.length === 0) {
      findings.push(warning(['hosts', i, 'roles'], `${h.name} has the storage role but no storage.devices`));
    }
    if (!h.roles.includes('storage') && devices.length > 0) {
      findings.push(
        warning(
          ['hosts', i, 'storage', 'devices'],
          `${h.name} lists devices but lacks the storage role; they are not used`,
        ),
      );
    }
  });
  if (inventory.addons.rookCeph.enabled && withDisks.length < 3) {
    findings.push(
      error(
        ['addons', 'rookCeph', 'enabled'],
        `Rook-Ceph needs at least 3 hosts with the storage role and storage.devices; found ${withDisks.length}` +
          (withDisks.length ? ` (${withDisks.map((h) => h.name).join(', ')})` : ''),
      ),
    );
  }
  return findings;
};
