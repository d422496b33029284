import { KubeConfig } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { FakeEtcdCluster } from '../tasks/rke2/rke2-etcd-fake.ts';
import { rke2Layout } from '../tasks/rke2/rke2-layout.ts';
import { contextFor } from '../tasks/testing.ts';
import { removalSteps, type Removal } from './removal-steps.ts';

const removal = (role: 'server' | 'agent'): Removal => {
  const host = contextFor(role === 'server' ? 'cp-3' : 'worker-1', {}).host;
  const etcd = new FakeEtcdCluster([]);
  return {
    node: host.name,
    address: host.address,
    role,
    layout: rke2Layout(host),
    kc: new KubeConfig(),
    nodes: { read: () => Promise.resolve(undefined), delete: () => Promise.resolve() },
    peer: { name: 'cp-1', transport: etcd.server('cp-1', '10.20.0.11'), layout: rke2Layout(host) },
    drain: { timeoutMs: 1000, force: false },
    snapshotName: 'rigger-remove-node',
    log: () => undefined,
  };
};

describe('the order of a removal', () => {
  it('snapshots first and ends the etcd member after the Node, on a server', () => {
    expect(removalSteps(removal('server')).map((s) => s.id)).toEqual([
      'etcd-snapshot',
      'cordon',
      'drain',
      'stop-rke2',
      'delete-node',
      'etcd-member',
      'uninstall-rke2',
    ]);
  });

  it('has no etcd steps on an agent, and skips host steps with a warning when the host is gone', () => {
    const steps = removalSteps(removal('agent'));
    expect(steps.map((s) => [s.id, s.skip !== undefined])).toEqual([
      ['cordon', false],
      ['drain', false],
      ['stop-rke2', true],
      ['delete-node', false],
      ['uninstall-rke2', true],
    ]);
  });
});
