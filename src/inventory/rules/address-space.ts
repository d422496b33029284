import type { FieldPath } from '../field-path.ts';
import { overlaps, parseCidr, parseIp, parseRangeOrCidr, type IpRange } from '../ip-range.ts';
import type { Inventory } from '../types.generated.ts';
import { error, warning, type Finding, type Rule } from './rule.ts';

type Kind = 'cidr' | 'pool' | 'host' | 'registration';

interface Claim {
  kind: Kind;
  path: FieldPath;
  label: string;
  range: IpRange;
  /** Entries of one MetalLB pool may not overlap each other either, so this is per entry. */
  owner: string;
}

/** Which kinds of address may not share addresses. Host/host is the unique-hosts rule's. */
function conflict(a: Kind, b: Kind): boolean {
  if (a === 'cidr' || b === 'cidr') return true;
  if (a === 'pool' || b === 'pool') return true;
  return false;
}

/** Every address block the inventory claims: pod and service networks, hosts, pools. */
function claims(inv: Inventory, findings: Finding[]): Claim[] {
  const out: Claim[] = [];
  for (const key of ['clusterCidr', 'serviceCidr'] as const) {
    const path = ['cluster', key];
    try {
      out.push({
        kind: 'cidr',
        path,
        label: `cluster.${key} ${inv.cluster[key]}`,
        range: parseCidr(inv.cluster[key]),
        owner: key,
      });
    } catch (e) {
      findings.push(error(path, (e as Error).message));
    }
  }
  inv.hosts.forEach((h, i) => {
    const range = parseIp(h.address);
    if (range)
      out.push({
        kind: 'host',
        path: ['hosts', i, 'address'],
        label: `host ${h.name} (${h.address})`,
        range,
        owner: `host:${h.name}`,
      });
  });
  const reg = parseIp(inv.cluster.registrationAddress);
  if (reg) {
    out.push({
      kind: 'registration',
      path: ['cluster', 'registrationAddress'],
      label: `the registration address ${reg.text}`,
      range: reg,
      owner: 'registration',
    });
  }
  inv.addons.metallb.pools.forEach((pool, p) => {
    pool.addresses.forEach((text, a) => {
      const path = ['addons', 'metallb', 'pools', p, 'addresses', a];
      try {
        out.push({
          kind: 'pool',
          path,
          label: `MetalLB pool "${pool.name}" (${text})`,
          range: parseRangeOrCidr(text),
          owner: `pool:${p}:${a}`,
        });
      } catch (e) {
        findings.push(error(path, (e as Error).message));
      }
    });
  });
  return out;
}

/**
 * Pod and service networks, MetalLB pools, host addresses and the registration address must not
 * share addresses: an overlap routes traffic to the wrong place and fails only once the cluster
 * is running.
 */
export const addressSpace: Rule = ({ inventory }) => {
  const findings: Finding[] = [];
  const all = claims(inventory, findings);
  for (const [i, a] of all.entries()) {
    for (const b of all.slice(i + 1)) {
      if (a.owner === b.owner || !overlaps(a.range, b.range)) continue;
      // Report on the later of the two: the earlier one was there first.
      const [first, second] = [a, b];
      if (conflict(a.kind, b.kind)) {
        findings.push(error(second.path, `${second.label} overlaps ${first.label}`));
      } else if (a.kind === 'registration' || b.kind === 'registration') {
        const host = a.kind === 'host' ? a : b;
        findings.push(
          warning(
            ['cluster', 'registrationAddress'],
            `the registration address is ${host.label}'s own address: joins and kubeconfigs fail while that host is down; ` +
              'use a VIP, a load balancer or a DNS name in production',
          ),
        );
      }
    }
  }
  return findings;
};
