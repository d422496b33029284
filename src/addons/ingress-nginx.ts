import type { KubernetesObject } from '@kubernetes/client-node';
import { parseIp, parseRangeOrCidr, overlaps } from '../inventory/ip-range.ts';
import type { Inventory } from '../inventory/types.generated.ts';
import { HELM_CHART_KIND, labelled, type Addon } from './addon.ts';
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
 * Two ingress-nginx instances, `public` and `internal`: each its own release and namespace
 * (`ingress-nginx-<instance>`), IngressClass, controller value, election ID and pinned
 * load-balancer address.
 */
export const ingressNginx: Addon = {
  id: 'ingress-nginx',
  title: 'ingress-nginx (public and internal)',
  kinds: [HELM_CHART_KIND],
  enabled: (inv) => inv.addons.ingressNginx.enabled,
  render: ({ inventory }) => {
    const ing = inventory.addons.ingressNginx;
    const objects: KubernetesObject[] = [];
    for (const instance of INSTANCES) {
      const cfg = ing[instance];
      if (!cfg) continue;
      const name = `ingress-nginx-${instance}`;
      const ns = named(manifestObject('ingress-nginx', 'namespace.yaml'), name);
      const pool = poolFor(inventory, cfg.loadBalancerIP, cfg.pool);
      objects.push(
        ns,
        renderHelmChart(helmChartManifest('ingress-nginx', 'helmchart.yaml'), {
          name,
          targetNamespace: name,
          version: ing.version,
          derived: {
            controller: {
              electionID: `${name}-leader`,
              ingressClass: cfg.className,
              ingressClassResource: {
                name: cfg.className,
                controllerValue: `k8s.io/${name}`,
              },
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
