import type { V1Node } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { loadText, prodText } from '../inventory/testing.ts';
import { nodeDrift } from './node-drift.ts';

const inventory = loadText(prodText()).inventory;
const PINNED = inventory.cluster.rke2.version;

function node(name: string, o: { ready?: string; voter?: string; kubelet?: string } = {}): V1Node {
  const conditions = [
    {
      type: 'Ready',
      status: o.ready ?? 'True',
      ...(o.ready && o.ready !== 'True'
        ? { reason: 'KubeletNotReady', message: 'cni plugin not initialized' }
        : {}),
    },
    ...(o.voter ? [{ type: 'EtcdIsVoter', status: o.voter, reason: 'MemberIsLearner' }] : []),
  ];
  return {
    metadata: { name },
    status: {
      conditions,
      nodeInfo: { kubeletVersion: o.kubelet ?? PINNED } as NonNullable<V1Node['status']>['nodeInfo'],
    },
  };
}

const healthy = (): V1Node[] =>
  inventory.hosts.map((h) => node(h.name, h.roles.includes('control-plane') ? { voter: 'True' } : {}));

describe('Node drift', () => {
  it('finds none when every inventory host has a Ready Node on the pinned RKE2, its etcd member voting', () => {
    expect(nodeDrift(healthy(), inventory)).toEqual([]);
  });

  it('reports a NotReady Node, another kubelet version and a non-voting etcd member', () => {
    const nodes = healthy().map((n) => {
      const name = n.metadata?.name;
      if (name === 'worker-1') return node('worker-1', { ready: 'False' });
      if (name === 'worker-2') return node('worker-2', { kubelet: 'v1.34.1+rke2r1' });
      if (name === 'cp-2') return node('cp-2', { voter: 'False' });
      return n;
    });
    expect(nodeDrift(nodes, inventory).map((d) => [d.summary, d.object.kind, d.object.fields])).toEqual([
      [
        'Node/cp-2: its etcd member does not vote: EtcdIsVoter=False (MemberIsLearner)',
        'changed',
        [{ path: 'status.conditions[EtcdIsVoter]', live: 'False', declared: 'True' }],
      ],
      [
        'Node/worker-1 is not Ready: Ready=False (KubeletNotReady: cni plugin not initialized)',
        'changed',
        [{ path: 'status.conditions[Ready]', live: 'False', declared: 'True' }],
      ],
      [
        `Node/worker-2 runs kubelet v1.34.1+rke2r1, the inventory pins RKE2 ${PINNED}`,
        'changed',
        [{ path: 'status.nodeInfo.kubeletVersion', live: 'v1.34.1+rke2r1', declared: PINNED }],
      ],
    ]);
  });

  it('reports a Node that is not in the inventory, and an inventory host with no Node', () => {
    const nodes = [...healthy().filter((n) => n.metadata?.name !== 'worker-3'), node('old-worker')];
    expect(nodeDrift(nodes, inventory).map((d) => [d.object.ref, d.object.kind])).toEqual([
      ['Node/worker-3', 'missing'],
      ['Node/old-worker', 'orphan'],
    ]);
  });

  it("does not hold kind's plain kubelets to an RKE2 version, but still checks them", () => {
    const kind = healthy().map((n) => node(n.metadata?.name ?? '', { kubelet: 'v1.35.0' }));
    expect(nodeDrift(kind, inventory)).toEqual([]);
    kind[0] = node('cp-1', { kubelet: 'v1.35.0', ready: 'Unknown' });
    expect(nodeDrift(kind, inventory).map((d) => d.object.ref)).toEqual(['Node/cp-1']);
  });
});
