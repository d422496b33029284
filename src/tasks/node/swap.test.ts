import { describe, expect, it } from 'vitest';
import { filesFact } from '../../hosts/fake-transport.ts';
import { swap, withoutSwap } from './swap.ts';
import { contextFor } from '../testing.ts';

const FSTAB = 'UUID=1 / ext4 defaults 0 1\n/swap.img none swap sw 0 0\n# /old none swap sw 0 0\n';

describe('swap task', () => {
  it('comments out active swap lines and leaves comments and other mounts alone', () => {
    expect(withoutSwap(FSTAB)).toBe(
      'UUID=1 / ext4 defaults 0 1\n# disabled by rigger (swap off for the kubelet): /swap.img none swap sw 0 0\n# /old none swap sw 0 0\n',
    );
  });

  it('plans swapoff and the fstab edit when swap is on, nothing when off', () => {
    const on = swap.plan(
      contextFor('cp-1', { 'swap:active': '/swap.img', 'files:fstab': filesFact({ '/etc/fstab': FSTAB }) }),
    );
    expect(on.map((c) => c.summary)).toEqual(['swap off: /swap.img', 'update /etc/fstab']);
    const off = swap.plan(
      contextFor('cp-1', {
        'swap:active': '',
        'files:fstab': filesFact({ '/etc/fstab': withoutSwap(FSTAB) }),
      }),
    );
    expect(off).toEqual([]);
  });
});
