import type { Inventory } from './types.generated.ts';

/** An add-on component that an inventory enables, with its pinned version. */
export interface EnabledAddon {
  /** Inventory key, e.g. `ingressNginx`, `observability.loki`. */
  id: string;
  version: string;
}

/** What `rigger validate` reports about a valid inventory. */
export interface InventorySummary {
  cluster: { name: string; rke2Version: string; registrationAddress: string; install: string };
  hosts: {
    total: number;
    byRole: Record<string, string[]>;
    byOs: Record<string, string[]>;
  };
  addons: EnabledAddon[];
}

/** Every enabled add-on component in install order. */
export function enabledAddons(inv: Inventory): EnabledAddon[] {
  const a = inv.addons;
  const o = a.observability;
  const stack = o.prometheus.version;
  const list: [string, boolean, string][] = [
    ['cilium', a.cilium.enabled, a.cilium.version],
    ['metallb', a.metallb.enabled, a.metallb.version],
    ['ingressNginx', a.ingressNginx.enabled, a.ingressNginx.version],
    ['rookCeph', a.rookCeph.enabled, a.rookCeph.version],
    ['velero', a.velero.enabled, a.velero.version],
    ['observability.prometheus', o.prometheus.enabled, stack],
    ['observability.alertmanager', o.prometheus.enabled && o.alertmanager.enabled, stack],
    ['observability.grafana', o.prometheus.enabled && o.grafana.enabled, stack],
    ['observability.thanos', o.thanos.enabled, o.thanos.version],
    ['observability.loki', o.loki.enabled, o.loki.version],
    ['observability.logs', o.logs.enabled, o.logs.version],
    ['observability.tempo', o.tempo.enabled, o.tempo.version],
  ];
  return list.filter(([, on]) => on).map(([id, , version]) => ({ id, version }));
}

export function summarize(inv: Inventory): InventorySummary {
  const byRole: Record<string, string[]> = {};
  const byOs: Record<string, string[]> = {};
  for (const h of inv.hosts) {
    for (const r of h.roles) (byRole[r] ??= []).push(h.name);
    (byOs[h.os] ??= []).push(h.name);
  }
  return {
    cluster: {
      name: inv.cluster.name,
      rke2Version: inv.cluster.rke2.version,
      registrationAddress: inv.cluster.registrationAddress,
      install: inv.cluster.install.mode,
    },
    hosts: { total: inv.hosts.length, byRole, byOs },
    addons: enabledAddons(inv),
  };
}
