import { describe, expect, it } from 'vitest';
import { brief, editProd, problemsOf, prodText } from './testing.ts';

const LOOKALIKE = 'looks like an IPv4 address but is not one, and a DNS name does not end in a number';

describe('addresses that look like IPv4 but are not', () => {
  it('refuses a host address with an octet over 255, rather than take it for a DNS name', () => {
    const text = prodText().replace('address: 10.20.0.22', 'address: 10.20.0.300');
    expect(brief(problemsOf(text))).toEqual([`59 hosts[4].address: ${LOOKALIKE}`]);
  });

  it('refuses a registration address with three parts', () => {
    const text = prodText().replace('registrationAddress: 10.20.0.10', 'registrationAddress: 10.20.10');
    expect(brief(problemsOf(text))).toEqual([`13 cluster.registrationAddress: ${LOOKALIKE}`]);
  });

  it('refuses a TLS SAN and a bastion host that end in a number', () => {
    const text = editProd((d) => {
      d.setIn(['cluster', 'tlsSans'], ['k8s.prod.example.com', '10.20.0.256']);
      d.setIn(['ssh', 'bastion', 'host'], 'bastion.7');
    });
    expect(brief(problemsOf(text)).map((l) => l.replace(/^\d+ /, ''))).toEqual([
      `cluster.tlsSans[1]: ${LOOKALIKE}`,
      `ssh.bastion.host: ${LOOKALIKE}`,
    ]);
  });

  it('accepts real IPv4 and IPv6 addresses and DNS names that merely contain digits', () => {
    const text = editProd((d) => {
      d.setIn(
        ['cluster', 'tlsSans'],
        ['10.20.0.255', 'fd00::10', 'k8s-1.prod.example.com', '1a.example.com'],
      );
      d.setIn(['ssh', 'bastion', 'host'], 'bastion2.prod.example.com');
    });
    expect(problemsOf(text)).toEqual([]);
  });

  it('refuses a CIDR and a MetalLB pool in the short or octal IPv4 forms that Go does not read', () => {
    let text = prodText().replace('clusterCidr: 10.42.0.0/16', 'clusterCidr: 10.42.0/16');
    text = text.replace('addresses: [10.20.0.224/28]', 'addresses: [010.20.0.224/28]');
    expect(brief(problemsOf(text))).toEqual([
      '16 cluster.clusterCidr: "10.42.0/16" is not a valid CIDR',
      '85 addons.metallb.pools[1].addresses[0]: "010.20.0.224/28" is not a valid CIDR',
      // The ingress address now lies in no range of its pool: the pool has none left.
      '90 addons.ingressNginx.internal.loadBalancerIP: 10.20.0.225 is not inside pool "internal"',
    ]);
  });
});
