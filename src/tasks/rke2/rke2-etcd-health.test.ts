import { describe, expect, it } from 'vitest';
import { FakeEtcdCluster } from './rke2-etcd-fake.ts';
import { etcdMemberHealth, etcdMemberList, isMemberOf, removeEtcdMember } from './rke2-etcd-health.ts';

const cluster = (): FakeEtcdCluster =>
  new FakeEtcdCluster([
    { id: '11', name: 'cp-1-0a1b2c3d', address: '10.0.0.11' },
    { id: '12', name: 'cp-2-1a2b3c4d', address: '10.0.0.12' },
    { id: '13', name: 'cp-3-2a3b4c5d', address: '10.0.0.13' },
  ]);

describe('etcd health on RKE2 ports', () => {
  it('lists members through the loopback gateway on 2382, never 2379', async () => {
    const c = cluster();
    c.members.push({ id: '14', name: '', address: '10.0.0.14', isLearner: true });
    const s = c.server('cp-1', '10.0.0.11');
    const members = await etcdMemberList(s);
    expect(members.map((m) => [m.id, m.name, m.isLearner])).toEqual([
      ['11', 'cp-1-0a1b2c3d', false],
      ['12', 'cp-2-1a2b3c4d', false],
      ['13', 'cp-3-2a3b4c5d', false],
      ['14', '', true],
    ]);
    expect(s.commands.join('\n')).not.toContain(':2379');
  });

  it("reads each member's health on its own server, one exec per server", async () => {
    const c = cluster();
    const s1 = c.server('cp-1', '10.0.0.11');
    const s2 = c.server('cp-2', '10.0.0.12');
    const s3 = c.server('cp-3', '10.0.0.13', false);
    const servers = [
      { name: 'cp-1', address: '10.0.0.11', transport: s1 },
      { name: 'cp-2', address: '10.0.0.12', transport: s2 },
      { name: 'cp-3', address: '10.0.0.13', transport: s3 },
    ];
    const health = await etcdMemberHealth(servers[0] as (typeof servers)[0], servers);
    expect(health.map((m) => [m.name, m.server, m.healthy])).toEqual([
      ['cp-1-0a1b2c3d', 'cp-1', true],
      ['cp-2-1a2b3c4d', 'cp-2', true],
      ['cp-3-2a3b4c5d', 'cp-3', false],
    ]);
    expect(health[2]?.seen).toMatch(/port 2381: Connection refused/);
    expect([s1.execCount, s2.execCount, s3.execCount]).toEqual([1, 1, 1]);
    expect(s2.commands).toEqual([expect.stringContaining('http://127.0.0.1:2381/health')]);
  });

  it('counts a learner, an unstarted member and a member no server owns as not healthy', async () => {
    const c = cluster();
    c.members[1] = { id: '12', name: 'cp-2-1a2b3c4d', address: '10.0.0.12', isLearner: true };
    c.members.push({ id: '15', name: '', address: '10.0.0.15' });
    const s1 = { name: 'cp-1', address: '10.0.0.11', transport: c.server('cp-1', '10.0.0.11') };
    const s2 = { name: 'cp-2', address: '10.0.0.12', transport: c.server('cp-2', '10.0.0.12') };
    const health = await etcdMemberHealth(s1, [s1, s2]);
    expect(health.map((m) => [m.id, m.healthy, m.seen])).toEqual([
      ['11', true, undefined],
      ['12', false, 'a learner, not yet promoted to a voting member'],
      ['13', false, 'no inventory server at https://10.0.0.13:2380'],
      ['15', false, 'no inventory server at https://10.0.0.15:2380'],
    ]);
  });

  it("says what a learner's gateway says instead of listing no members", async () => {
    const c = cluster();
    c.members.push({ id: '14', name: 'cp-4-3a4b5c6d', address: '10.0.0.14', isLearner: true });
    await expect(etcdMemberList(c.server('cp-4', '10.0.0.14'))).rejects.toThrow(
      'etcd member list: etcdserver: rpc not supported for learner',
    );
  });

  it('fails with what curl said when the local etcd does not answer', async () => {
    const s = { name: 'cp-1', address: '10.0.0.11', transport: cluster().server('cp-1', '10.0.0.11', false) };
    await expect(etcdMemberHealth(s, [s])).rejects.toThrow(/etcd member list failed: curl: \(7\).*2382/);
  });

  it('removes a member through the gateway', async () => {
    const c = cluster();
    const s = c.server('cp-1', '10.0.0.11');
    await removeEtcdMember(s, '12');
    expect(c.members.map((m) => m.id)).toEqual(['11', '13']);
    // Already gone (RKE2 was first): done, as k3s RemovePeer takes it.
    await expect(removeEtcdMember(s, '12')).resolves.toBeUndefined();
    const broken = c.server('cp-1', '10.0.0.11');
    broken.answers.push([
      /member\/remove/,
      () => ({
        stdout:
          '{"code":9, "message":"etcdserver: re-configuration failed due to not enough started members"}',
        stderr: '',
        code: 0,
      }),
    ]);
    await expect(removeEtcdMember(broken, '13')).rejects.toThrow(
      /removing etcd member 13 failed: etcdserver: re-configuration failed/,
    );
  });
});

describe('which member is a node’s', () => {
  const m = (name: string, address: string) => ({
    id: '1',
    name,
    peerURLs: [`https://${address}:2380`],
    clientURL: '',
    isLearner: false,
  });

  it('matches <node>-<8 hex> exactly, never a longer name that starts with it', () => {
    expect(isMemberOf(m('cp-1-0a1b2c3d', '10.0.0.11'), { name: 'cp', address: '10.0.0.9' })).toBe(false);
    expect(isMemberOf(m('cp-0a1b2c3d', '10.0.0.9'), { name: 'cp', address: '10.0.0.1' })).toBe(true);
    expect(isMemberOf(m('cp-1-0a1b2c3d', '10.0.0.11'), { name: 'cp-1', address: '10.0.0.1' })).toBe(true);
  });

  it('matches by the node-name annotation or by the peer address', () => {
    expect(
      isMemberOf(m('renamed-xyz', '10.0.0.5'), {
        name: 'cp',
        address: '10.0.0.1',
        annotatedName: 'renamed-xyz',
      }),
    ).toBe(true);
    expect(isMemberOf(m('other-0a1b2c3d', '10.0.0.1'), { name: 'cp', address: '10.0.0.1' })).toBe(true);
    // 10.0.0.1 must not match 10.0.0.11's peer URL.
    expect(isMemberOf(m('other-0a1b2c3d', '10.0.0.11'), { name: 'cp', address: '10.0.0.1' })).toBe(false);
  });
});
