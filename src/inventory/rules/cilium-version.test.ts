import { describe, expect, it } from 'vitest';
import { brief, lineOf, problemsOf, prodText } from '../testing.ts';

describe('the Cilium version rule', () => {
  it('accepts the Cilium the pinned RKE2 bundles, written or by default', () => {
    const pinned = prodText().replace('  cilium:\n', '  cilium:\n    version: 1.19.6\n');
    expect(problemsOf(prodText())).toEqual([]);
    expect(problemsOf(pinned)).toEqual([]);
  });

  it('refuses a Cilium version RKE2 would not deploy, at the field, naming the one it bundles', () => {
    const text = prodText().replace('  cilium:\n', '  cilium:\n    version: 1.18.3\n');
    expect(brief(problemsOf(text))).toEqual([
      `${lineOf(text, 'version: 1.18.3')} addons.cilium.version: RKE2 v1.35.7+rke2r1 deploys the Cilium it bundles (1.19.6, chart rke2-cilium), not 1.18.3: set 1.19.6, or the RKE2 release that bundles the Cilium you want`,
    ]);
  });
});
