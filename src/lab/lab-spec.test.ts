import { describe, expect, it } from 'vitest';
import { ConfigError } from '../core/errors.ts';
import { DEFAULT_LAB_HOSTS, validateLabHosts, type LabHostSpec } from './lab-spec.ts';

describe('validateLabHosts', () => {
  it('accepts the default six hosts', () => {
    expect(validateLabHosts(DEFAULT_LAB_HOSTS)).toHaveLength(6);
  });

  it('refuses addresses outside the lab subnet, because the lab must not reach other networks', () => {
    const hosts: LabHostSpec[] = [{ name: 'cp-1', address: '10.0.0.5', variant: 'debian' }];
    expect(() => validateLabHosts(hosts)).toThrow(ConfigError);
    expect(() => validateLabHosts(hosts)).toThrow(/not inside 172\.31\.250\.0\/24/);
  });

  it('refuses the bridge address and duplicate names or addresses', () => {
    const hosts: LabHostSpec[] = [
      { name: 'a', address: '172.31.250.1', variant: 'debian' },
      { name: 'b', address: '172.31.250.20', variant: 'debian' },
      { name: 'b', address: '172.31.250.20', variant: 'debian' },
    ];
    let message = '';
    try {
      validateLabHosts(hosts);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/\.1 is the bridge/);
    expect(message).toMatch(/duplicate name/);
    expect(message).toMatch(/duplicate address/);
  });

  it('refuses names that cannot be machine names or hostnames', () => {
    expect(() => validateLabHosts([{ name: 'CP_1', address: '172.31.250.11', variant: 'debian' }])).toThrow(
      /name must match/,
    );
  });
});

describe('lab host variants and the registration address', () => {
  it('makes worker-2 the Flatcar-like host and keeps the others Debian', () => {
    expect(DEFAULT_LAB_HOSTS.filter((h) => h.variant === 'flatcar').map((h) => h.name)).toEqual(['worker-2']);
  });

  it('refuses an unknown variant and a host on the registration address', () => {
    const hosts = [
      { name: 'a', address: '172.31.250.10', variant: 'debian' },
      { name: 'b', address: '172.31.250.20', variant: 'ubuntu' },
    ] as unknown as LabHostSpec[];
    expect(() => validateLabHosts(hosts)).toThrow(/registration address/);
    expect(() => validateLabHosts(hosts)).toThrow(/variant ubuntu is not one of debian, flatcar/);
  });
});
