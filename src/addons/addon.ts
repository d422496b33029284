import type { KubernetesObject } from '@kubernetes/client-node';
import type { Secrets } from '../inventory/secrets.ts';
import type { Inventory } from '../inventory/types.generated.ts';

/** Labels on every object rigger applies for an add-on: how it finds them again (orphans, prune). */
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const ADDON_LABEL = 'rigger.dev/addon';

export interface AddonContext {
  inventory: Inventory;
  /** Secret values by inventory path; rendered only into Secret objects, never into values. */
  secrets: Secrets;
}

/** A kind an add-on may create, so that objects of it no longer rendered can be found. */
export interface KindRef {
  apiVersion: string;
  kind: string;
}

/**
 * One add-on: what it renders from the inventory (pure: no cluster, no I/O beyond manifests/),
 * and the kinds it creates. Its id is the task name in playbooks and the `rigger.dev/addon` label.
 */
export interface Addon {
  id: string;
  title: string;
  enabled(inventory: Inventory): boolean;
  render(ctx: AddonContext): KubernetesObject[];
  kinds: readonly KindRef[];
}

/**
 * Adds rigger's labels to each object: the add-on's objects carry its id. Namespaces do not: several
 * add-ons share one (`monitoring`), and rigger never deletes a namespace (it holds data).
 */
export function labelled(addon: string, objects: KubernetesObject[]): KubernetesObject[] {
  for (const o of objects) {
    const metadata = (o.metadata ??= {});
    metadata.labels = {
      ...metadata.labels,
      [MANAGED_BY_LABEL]: 'rigger',
      ...(o.kind === 'Namespace' ? {} : { [ADDON_LABEL]: addon }),
    };
  }
  return objects;
}

/** A Secret from literal data (base64-encoded here, so the API server has nothing to convert). */
export function secret(namespace: string, name: string, data: Record<string, string>): KubernetesObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace },
    type: 'Opaque',
    data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
  } as KubernetesObject;
}

export const HELM_CHART_KIND: KindRef = { apiVersion: 'helm.cattle.io/v1', kind: 'HelmChart' };
export const SECRET_KIND: KindRef = { apiVersion: 'v1', kind: 'Secret' };
