import type { KubernetesObject } from '@kubernetes/client-node';
import type { AddonContext } from './addon.ts';
import { ADDONS } from './registry.ts';

/** Namespaces, then CRDs, then Secrets and ConfigMaps, then charts, then what the charts bring. */
export function applyRank(o: KubernetesObject): number {
  switch (o.kind) {
    case 'Namespace':
      return 0;
    case 'CustomResourceDefinition':
      return 1;
    case 'Secret':
    case 'ConfigMap':
      return 2;
    case 'HelmChart':
    case 'HelmChartConfig':
      return 3;
    default:
      return 4;
  }
}

/** An add-on's objects in the order its task applies them (a stable sort: ties keep render order). */
export function inApplyOrder(objects: readonly KubernetesObject[]): KubernetesObject[] {
  return [...objects].sort((a, b) => applyRank(a) - applyRank(b));
}

/** One enabled add-on's objects, in apply order. */
export interface RenderedAddon {
  id: string;
  objects: KubernetesObject[];
}

/**
 * Every object rigger applies to the cluster for this inventory: the enabled add-ons in install
 * order (the add-ons phase of the provision playbook), each add-on's objects in apply order. Pure:
 * no host, no cluster.
 */
export function renderPlatform(ctx: AddonContext): RenderedAddon[] {
  return ADDONS.filter((a) => a.enabled(ctx.inventory)).map((a) => ({
    id: a.id,
    objects: inApplyOrder(a.render(ctx)),
  }));
}
