import { describe, expect, it } from 'vitest';
import { differences } from './drift.ts';

describe('object differences', () => {
  it('names each differing leaf with live and declared values', () => {
    expect(
      differences(
        {
          spec: { addresses: ['10.0.0.1-10.0.0.9'], autoAssign: true },
          metadata: { labels: { 'a.b/c': 'x' } },
        },
        {
          spec: { addresses: ['10.0.0.1-10.0.0.5'], autoAssign: true },
          metadata: { labels: { 'a.b/c': 'y' } },
        },
      ),
    ).toEqual([
      { path: 'spec.addresses', live: ['10.0.0.1-10.0.0.9'], declared: ['10.0.0.1-10.0.0.5'] },
      { path: 'metadata.labels["a.b/c"]', live: 'x', declared: 'y' },
    ]);
  });

  it('finds nothing when equal, and reports added or removed keys', () => {
    expect(differences({ a: 1 }, { a: 1 })).toEqual([]);
    expect(differences({ a: 1 }, { a: 1, b: 2 })).toEqual([{ path: 'b', live: undefined, declared: 2 }]);
  });
});
