import { describe, expect, it } from 'vitest';
import { overlaps, parseCidr, parseIp, parseRangeOrCidr, subnetOf } from './ip-range.ts';

describe('IP ranges', () => {
  it('parses CIDRs into their first and last address', () => {
    const r = parseCidr('10.42.0.0/16');
    expect(r.end - r.start).toBe(65535n);
    expect(parseCidr('fd00::/64').family).toBe(6);
  });

  it('detects overlap only within one family', () => {
    expect(overlaps(parseCidr('10.0.0.0/8'), parseRangeOrCidr('10.1.2.3-10.1.2.9'))).toBe(true);
    expect(overlaps(parseCidr('10.0.0.0/8'), parseCidr('11.0.0.0/8'))).toBe(false);
    expect(overlaps(parseCidr('::/0'), parseCidr('10.0.0.0/8'))).toBe(false);
  });

  it('reads addresses as Go does, refusing the short, octal and hex IPv4 forms', () => {
    for (const bad of [
      '10.1',
      '1.2.3',
      '010.0.0.1',
      '0x0a.0.0.1',
      '4294967295',
      '10.0.0.256',
      'fe80::1%eth0',
      '::ffff:1.2.3',
    ])
      expect(parseIp(bad), bad).toBeUndefined();
    for (const bad of [
      '10.20.0/24',
      '010.20.0.0/24',
      '10.20.0.0/33',
      '10.20.0.0/024',
      '10.0.0.0/8/8',
      'fd00::/129',
    ])
      expect(() => parseCidr(bad), bad).toThrow(`"${bad}" is not a valid CIDR`);
    expect(() => parseRangeOrCidr('010.20.0.1-010.20.0.5')).toThrow('is not an IP address');
    expect(parseIp('::ffff:10.1.2.3')?.family).toBe(6);
    expect(parseCidr('0.0.0.0/0').end).toBe(2n ** 32n - 1n);
  });

  it('treats a DNS name as no address', () => {
    expect(parseIp('cp-1.example.com')).toBeUndefined();
  });

  it('computes a host subnet from an address and prefix length', () => {
    const ip = parseIp('192.168.7.33');
    expect(ip).toBeDefined();
    if (!ip) return;
    const s = subnetOf(ip, 24);
    expect(overlaps(s, parseIp('192.168.7.250') ?? ip)).toBe(true);
    expect(overlaps(s, parseIp('192.168.8.1') ?? ip)).toBe(false);
  });
});
