import { KubeConfig } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import type { Host } from '../inventory/types.generated.ts';
import { FakeEtcdCluster } from '../tasks/rke2/rke2-etcd-fake.ts';
import type { EtcdServer } from '../tasks/rke2/rke2-etcd-health.ts';
import { checkRemoval, type RemovalCheck } from './removal-preconditions.ts';

const host = (name: string, address: string): Host => ({
  name,
  address,
  roles: ['control-plane'],
  os: 'ubuntu',
  labels: {},
  taints: [],
});

function setup(cp2: { up?: boolean; learner?: boolean } = {}): RemovalCheck & { newHost: Host } {
  const etcd = new FakeEtcdCluster([
    { id: '11', name: 'cp-1-0a1b2c3d', address: '10.0.0.11' },
    { id: '12', name: 'cp-2-1a2b3c4d', address: '10.0.0.12', isLearner: cp2.learner ?? false },
    { id: '13', name: 'cp-3-2a3b4c5d', address: '10.0.0.13' },
  ]);
  const peer = { name: 'cp-1', address: '10.0.0.11', transport: etcd.server('cp-1', '10.0.0.11') };
  const servers: EtcdServer[] = [
    peer,
    { name: 'cp-2', address: '10.0.0.12', transport: etcd.server('cp-2', '10.0.0.12', cp2.up ?? true) },
    // The node to remove is down: its own member does not count against the removal.
    { name: 'cp-3', address: '10.0.0.13' },
  ];
  return {
    file: 'inv.yaml',
    oldName: 'cp-3',
    old: host('cp-3', '10.0.0.13'),
    role: 'server',
    newHost: host('spare-1', '10.0.0.31'),
    peer,
    servers,
    kc: new KubeConfig(),
    requiredServers: 3,
  };
}

describe('before removing a server', () => {
  it('goes on when every other member is a healthy voter, its own member down', async () => {
    await expect(checkRemoval(setup())).resolves.toBe(
      'etcd: 3 member(s); the others are healthy voters (each read on its own server)',
    );
  });

  it("refuses while another member's own server says its etcd is down", async () => {
    await expect(checkRemoval(setup({ up: false }))).rejects.toThrow(
      /^refusing to remove cp-3: etcd member\(s\) cp-2-1a2b3c4d \(curl: \(7\) Failed to connect to 127\.0\.0\.1 port 2381.*\) not healthy; with cp-3 gone too, 1 of 2 members would be left/,
    );
  });

  it('refuses while another member is still a learner', async () => {
    await expect(checkRemoval(setup({ learner: true }))).rejects.toThrow(
      'etcd member(s) cp-2-1a2b3c4d (a learner, not yet promoted to a voting member) not healthy',
    );
  });

  it('refuses a replacement that still has an etcd member of its own', async () => {
    const c = setup();
    await expect(
      checkRemoval({ ...c, newHost: { ...c.newHost, name: 'cp-2', address: '10.0.0.12' } }),
    ).rejects.toThrow(
      'refusing to replace cp-3 with cp-2: cp-2 already has etcd member cp-2-1a2b3c4d; it is still in the cluster: remove it first (rigger remove-node inv.yaml cp-2)',
    );
  });

  it('refuses a replacement with other roles', async () => {
    const c = setup();
    await expect(checkRemoval({ ...c, newHost: { ...c.newHost, roles: ['worker'] } })).rejects.toThrow(
      'spare-1 has roles [worker], cp-3 has [control-plane]: set roles: [control-plane] on spare-1',
    );
  });
});
