import type { KubernetesObject } from '@kubernetes/client-node';
import { parseIp, parseRangeOrCidr, overlaps } from '../inventory/ip-range.ts';
import type { Inventory } from '../inventory/types.generated.ts';
import { HELM_CHART_KIND, labelled, type Addon } from './addon.ts';
import { chartRepository } from './chart-repository.ts';
import { manifestObject, named } from './manifests.ts';
import { helmChartManifest, renderHelmChart } from './values.ts';

const INSTANCES = ['public', 'internal'] as const;

/** The MetalLB pool an instance takes its address from: the one named, else the one holding it. */
function poolFor(inventory: Inventory, ip: string, named: string | undefined): string | undefined {
  if (named) return named;
  const addr = parseIp(ip);
  if (!addr) return undefined;
  return inventory.addons.metallb.pools.find((p) =>
    p.addresses.some((a) => overlaps(parseRangeOrCidr(a), addr)),
  )?.name;
}

/**
 * Two F5 NGINX Ingress Controller instances, `public` and `internal` (the inventory key keeps the
 * name of the retired ingress-nginx it replaces): each its own release and namespace
 * (`nginx-ingress-<instance>`), IngressClass, election lock and pinned load-balancer address. The
 * retired controller's HelmCharts (`ingress-nginx-<instance>`) carry this add-on's label and are
 * no longer rendered: orphans, reported, and removed (uninstalled) only with --prune.
 */
export const ingressNginx: Addon = {
  id: 'ingress-nginx',
  title: 'NGINX Ingress Controller (public and internal)',
  kinds: [HELM_CHART_KIND],
  enabled: (inv) => inv.addons.ingressNginx.enabled,
  render: ({ inventory }) => {
    const ing = inventory.addons.ingressNginx;
    const objects: KubernetesObject[] = [];
    for (const instance of INSTANCES) {
      const cfg = ing[instance];
      if (!cfg) continue;
      const name = `nginx-ingress-${instance}`;
      const pool = poolFor(inventory, cfg.loadBalancerIP, cfg.pool);
      objects.push(
        named(manifestObject('nginx-ingress', 'namespace.yaml'), name),
        renderHelmChart(helmChartManifest('nginx-ingress', 'helmchart.yaml'), {
          name,
          targetNamespace: name,
          version: ing.version,
          repo: chartRepository(inventory, ing.chartRepository),
          derived: {
            controller: {
              ingressClass: { name: cfg.className },
              reportIngressStatus: { leaderElectionLockName: `${name}-leader` },
              service: {
                annotations: {
                  'metallb.io/loadBalancerIPs': cfg.loadBalancerIP,
                  ...(pool ? { 'metallb.io/address-pool': pool } : {}),
                },
              },
            },
          },
          overrides: ing.values,
        }),
      );
    }
    return labelled('ingress-nginx', objects);
  },
};
