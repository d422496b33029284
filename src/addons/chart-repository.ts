import type { Inventory } from '../inventory/types.generated.ts';

/**
 * The chart repository of an add-on: its own `chartRepository`, else the inventory's one mirror
 * for every chart (`addons.chartRepository`), else undefined: the upstream repository of the
 * manifest. Mirrored and air-gapped sites serve the same charts at the same versions.
 */
export function chartRepository(inventory: Inventory, own: string | undefined): string | undefined {
  return own ?? inventory.addons.chartRepository;
}
