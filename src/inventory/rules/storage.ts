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

/** The add-ons that claim persistent volumes, by the inventory path that enables each. */
const CLAIMING: readonly { path: string[]; on: (i: RuleInventory) => boolean }[] = [
  { path: ['addons', 'observability', 'prometheus'], on: (i) => i.addons.observability.prometheus.enabled },
  { path: ['addons', 'observability', 'loki'], on: (i) => i.addons.observability.loki.enabled },
  { path: ['addons', 'observability', 'tempo'], on: (i) => i.addons.observability.tempo.enabled },
];
type RuleInventory = Parameters<Rule>[0]['inventory'];

/**
 * Every claim of the platform needs a StorageClass that exists: Rook-Ceph's, or one the inventory
 * names (`addons.storage.storageClass`), or none at all with `addons.storage.persistence: false`.
 * A claim with no class waits for a default StorageClass forever (Loki never becomes ready).
 */
export const platformStorage: Rule = ({ inventory }) => {
  const s = inventory.addons.storage;
  if (!s.persistence || s.storageClass !== undefined || inventory.addons.rookCeph.enabled) return [];
  const claiming = CLAIMING.filter((c) => c.on(inventory)).map((c) => c.path.at(-1));
  if (!claiming.length) return [];
  return [
    error(
      ['addons', 'storage', 'storageClass'],
      `${claiming.join(', ')} keep their data on persistent volumes, and Rook-Ceph is off: name an existing StorageClass in addons.storage.storageClass, or set addons.storage.persistence: false`,
    ),
  ];
};
