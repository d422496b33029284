import { describe, expect, it } from 'vitest';
import { packages } from './packages.ts';
import { contextFor } from '../testing.ts';

describe('packages task', () => {
  it('installs only what dpkg lacks, lvm2 on storage hosts', () => {
    const ctx = contextFor('worker-1', {
      packages: 'curl installed\nca-certificates installed\nlvm2 not-installed',
    });
    expect(packages.plan(ctx).map((c) => c.summary)).toEqual(['install packages: lvm2']);
  });

  it('on Flatcar reports what is missing instead of installing', () => {
    const ctx = contextFor('worker-3', { packages: 'curl installed' });
    expect(() => packages.plan(ctx)).toThrow(/Flatcar has no package manager and lacks lvm2/);
  });
});
