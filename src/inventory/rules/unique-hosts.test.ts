import { describe, expect, it } from 'vitest';
import { brief, problemsOf, prodText } from '../testing.ts';

describe('unique hosts rule', () => {
  it('reports a duplicate name at the second host, naming the first line', () => {
    const text = prodText().replace('- name: worker-2', '- name: cp-1');
    expect(brief(problemsOf(text))).toEqual([
      '58 hosts[4].name: duplicate host name "cp-1" (first at line 33)',
    ]);
  });

  it('reports a duplicate address', () => {
    const text = prodText().replace('address: 10.20.0.22', 'address: 10.20.0.21');
    expect(brief(problemsOf(text))).toEqual([
      '59 hosts[4].address: duplicate host address "10.20.0.21" (first at line 52)',
    ]);
  });

  it('refuses a host name that is not an RFC 1123 label', () => {
    const text = prodText().replace('- name: worker-2', '- name: Worker_2');
    expect(brief(problemsOf(text))[0]).toMatch(/^58 hosts\[4\].name: must be an RFC 1123 label/);
  });

  it('refuses an address that is neither an IP nor a DNS name', () => {
    const text = prodText().replace('address: 10.20.0.22', 'address: "10.20.0.22/24"');
    expect(brief(problemsOf(text))).toEqual([
      '59 hosts[4].address: must be an IPv4 or IPv6 address or a DNS name',
    ]);
  });

  it('accepts DNS names as addresses', () => {
    const text = prodText().replace('address: 10.20.0.22', 'address: worker-2.prod.example.com');
    expect(problemsOf(text)).toEqual([]);
  });
});
