import { overlaps, parseIp, parseRangeOrCidr, subnetOf, type IpRange } from '../ip-range.ts';
import { error, warning, type Finding, type Rule } from './rule.ts';

/**
 * The ingress instances take their addresses from MetalLB pools, and a pool is only reachable
 * when its addresses sit in a subnet the hosts are on (L2 announcements).
 */
export const loadBalancing: Rule = ({ inventory }) => {
  const findings: Finding[] = [];
  const { metallb, ingressNginx } = inventory.addons;
  const pools = metallb.pools.map((pool) => ({
    name: pool.name,
    ranges: pool.addresses.flatMap((a) => {
      try {
        return [parseRangeOrCidr(a)];
      } catch {
        return []; // reported by the address-space rule
      }
    }),
  }));

  const names = new Set<string>();
  metallb.pools.forEach((pool, p) => {
    if (names.has(pool.name))
      findings.push(error(['addons', 'metallb', 'pools', p, 'name'], `duplicate pool name "${pool.name}"`));
    names.add(pool.name);
  });

  const subnets = inventory.hosts.flatMap((h) => {
    const ip = parseIp(h.address);
    return ip && h.network ? [subnetOf(ip, h.network.prefixLength)] : [];
  });
  if (metallb.enabled && subnets.length > 0) {
    pools.forEach((pool, p) => {
      for (const [a, range] of pool.ranges.entries()) {
        if (!subnets.some((s) => within(range, s))) {
          findings.push(
            warning(
              ['addons', 'metallb', 'pools', p, 'addresses', a],
              `${range.text} is outside every host's subnet; L2 announcements will not reach it`,
            ),
          );
        }
      }
    });
  }

  if (!ingressNginx.enabled) return findings;
  if (!metallb.enabled) {
    findings.push(
      error(
        ['addons', 'ingressNginx', 'enabled'],
        'the NGINX Ingress Controllers take their addresses from MetalLB: enable addons.metallb',
      ),
    );
  }
  const classes = new Map<string, string>();
  const ips = new Map<string, string>();
  for (const which of ['public', 'internal'] as const) {
    const inst = ingressNginx[which];
    const base = ['addons', 'ingressNginx', which];
    if (!inst) {
      findings.push(error(base, `is required when addons.ingressNginx is enabled`));
      continue;
    }
    const other = classes.get(inst.className);
    if (other)
      findings.push(error([...base, 'className'], `className "${inst.className}" is also ${other}'s`));
    classes.set(inst.className, which);
    const otherIp = ips.get(inst.loadBalancerIP);
    if (otherIp)
      findings.push(
        error([...base, 'loadBalancerIP'], `${inst.loadBalancerIP} is also ${otherIp}'s address`),
      );
    ips.set(inst.loadBalancerIP, which);

    const ip = parseIp(inst.loadBalancerIP);
    if (!ip) continue;
    const candidates = inst.pool ? pools.filter((p) => p.name === inst.pool) : pools;
    if (inst.pool && candidates.length === 0) {
      findings.push(error([...base, 'pool'], `no MetalLB pool is named "${inst.pool}"`));
      continue;
    }
    if (!candidates.some((p) => p.ranges.some((r) => overlaps(r, ip)))) {
      const where = inst.pool ? `pool "${inst.pool}"` : 'any MetalLB pool';
      findings.push(error([...base, 'loadBalancerIP'], `${inst.loadBalancerIP} is not inside ${where}`));
    }
  }
  return findings;
};

function within(inner: IpRange, outer: IpRange): boolean {
  return inner.family === outer.family && inner.start >= outer.start && inner.end <= outer.end;
}
