import { describe, expect, it } from 'vitest';
import { brief, loadText, problemsOf, prodText } from '../testing.ts';

describe('address space rule', () => {
  it('refuses overlapping pod and service networks', () => {
    const text = prodText().replace('serviceCidr: 10.43.0.0/16', 'serviceCidr: 10.42.128.0/17');
    expect(brief(problemsOf(text))).toEqual([
      '17 cluster.serviceCidr: cluster.serviceCidr 10.42.128.0/17 overlaps cluster.clusterCidr 10.42.0.0/16',
    ]);
  });

  it('refuses a pod network that covers a host address', () => {
    const text = prodText().replace('clusterCidr: 10.42.0.0/16', 'clusterCidr: 10.20.0.0/16');
    const lines = brief(problemsOf(text));
    expect(lines).toContain(
      '34 hosts[0].address: host cp-1 (10.20.0.11) overlaps cluster.clusterCidr 10.20.0.0/16',
    );
    expect(lines).toContain(
      '13 cluster.registrationAddress: the registration address 10.20.0.10 overlaps cluster.clusterCidr 10.20.0.0/16',
    );
    expect(
      lines.some((l) => l.includes('MetalLB pool "public"') && l.includes('overlaps cluster.clusterCidr')),
    ).toBe(true);
  });

  it('refuses a CIDR with host bits set and names the network', () => {
    const text = prodText().replace('clusterCidr: 10.42.0.0/16', 'clusterCidr: 10.42.0.1/16');
    expect(brief(problemsOf(text))).toEqual([
      '16 cluster.clusterCidr: "10.42.0.1/16" has host bits set; the network is 10.42.0.0/16',
    ]);
  });

  it('refuses a malformed CIDR', () => {
    const text = prodText().replace('clusterCidr: 10.42.0.0/16', 'clusterCidr: 10.42.0.0/40');
    expect(brief(problemsOf(text))).toEqual(['16 cluster.clusterCidr: "10.42.0.0/40" is not a valid CIDR']);
  });

  it('refuses a MetalLB pool over a host address', () => {
    const text = prodText().replace('10.20.0.200-10.20.0.219', '10.20.0.20-10.20.0.219');
    expect(brief(problemsOf(text))).toEqual([
      '83 addons.metallb.pools[0].addresses[0]: MetalLB pool "public" (10.20.0.20-10.20.0.219) overlaps host worker-1 (10.20.0.21)',
      '83 addons.metallb.pools[0].addresses[0]: MetalLB pool "public" (10.20.0.20-10.20.0.219) overlaps host worker-2 (10.20.0.22)',
      '83 addons.metallb.pools[0].addresses[0]: MetalLB pool "public" (10.20.0.20-10.20.0.219) overlaps host worker-3 (10.20.0.23)',
    ]);
  });

  it('refuses a MetalLB pool over the registration address', () => {
    const text = prodText().replace('registrationAddress: 10.20.0.10', 'registrationAddress: 10.20.0.226');
    expect(brief(problemsOf(text))).toEqual([
      '85 addons.metallb.pools[1].addresses[0]: MetalLB pool "internal" (10.20.0.224/28) overlaps the registration address 10.20.0.226',
    ]);
  });

  it('refuses two pools that overlap', () => {
    const text = prodText().replace('10.20.0.224/28', '10.20.0.208/28');
    expect(brief(problemsOf(text))[0]).toMatch(
      /pools\[1\].addresses\[0\]: MetalLB pool "internal" \(10.20.0.208\/28\) overlaps MetalLB pool "public"/,
    );
  });

  it('warns when the registration address is a host address but accepts it', () => {
    const text = prodText().replace('registrationAddress: 10.20.0.10', 'registrationAddress: 10.20.0.11');
    const { warnings } = loadText(text);
    expect(brief(warnings)).toEqual([
      "13 cluster.registrationAddress: the registration address is host cp-1 (10.20.0.11)'s own address: joins and kubeconfigs fail while that host is down; use a VIP, a load balancer or a DNS name in production",
    ]);
  });
});
