import { ConfigError } from '../core/errors.ts';
import type { Inventory } from '../inventory/types.generated.ts';

/** The StorageClass rigger creates on Rook-Ceph's block pool when the inventory names none. */
export const CEPH_BLOCK_CLASS = 'ceph-block';

/**
 * The StorageClass every claim of the platform uses, or undefined when persistence is off (the
 * add-ons then keep their data in emptyDir). The inventory rule `platformStorage` refuses the
 * case with neither, with its line; this throw is the backstop for an unvalidated inventory.
 */
export function storageClassOf(inventory: Inventory): string | undefined {
  const s = inventory.addons.storage;
  if (!s.persistence) return undefined;
  const name = s.storageClass ?? (inventory.addons.rookCeph.enabled ? CEPH_BLOCK_CLASS : undefined);
  if (!name)
    throw ConfigError.plain(
      'addons.storage.storageClass',
      'is required when persistence is on and Rook-Ceph is off (name an existing StorageClass, or set addons.storage.persistence: false)',
    );
  return name;
}
