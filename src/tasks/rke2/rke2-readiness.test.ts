import type { V1Node } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import type { ClusterLink } from '../../kube/cluster-link.ts';
import { FakeEtcdCluster } from './rke2-etcd-fake.ts';
import { etcdVoterProblem, waitForNode } from './rke2-readiness.ts';
import { contextFor } from '../testing.ts';

const readyServer = (conditions: NonNullable<V1Node['status']>['conditions'] = []): V1Node => ({
  metadata: {
    name: 'cp-1',
    labels: { 'node-role.kubernetes.io/control-plane': 'true', 'node-role.kubernetes.io/etcd': 'true' },
    annotations: { 'etcd.rke2.cattle.io/node-name': 'cp-1-0a1b2c3d' },
  },
  status: { conditions: [{ type: 'Ready', status: 'True' }, ...conditions] },
});

function setup(isLearner: boolean, node = readyServer()) {
  const etcd = new FakeEtcdCluster([
    { id: '11', name: 'cp-1-0a1b2c3d', address: '10.20.0.11', isLearner },
    { id: '12', name: 'cp-10-1a2b3c4d', address: '10.20.0.111' },
  ]);
  const t = etcd.server('cp-1', '10.20.0.11');
  t.answers.push([
    /systemctl show -p ActiveState/,
    () => ({ stdout: 'ActiveState=active\nSubState=running\nNRestarts=0\n', stderr: '', code: 0 }),
  ]);
  t.answers.push([/journalctl/, () => ({ stdout: 'journal line', stderr: '', code: 0 })]);
  const cluster: ClusterLink = {
    node: () => Promise.resolve(node),
    kubeConfig: () => Promise.reject(new Error('not in this test')),
  };
  const ctx = contextFor('cp-1', {}, (h) => h, { cluster });
  const opts = { timeoutMs: 50, intervalMs: 10, since: { epoch: 0, restarts: 0 } };
  return { etcd, t, ctx, opts };
}

describe('server readiness on RKE2', () => {
  it('is ready once its own member, read from the 2382 gateway, is a started voter', async () => {
    const { t, ctx, opts } = setup(false);
    await expect(waitForNode(t, ctx, opts)).resolves.toBeUndefined();
    expect(t.commands.some((c) => c.includes('https://127.0.0.1:2382/v3/cluster/member/list'))).toBe(true);
    expect(t.commands.some((c) => c.includes(':2379'))).toBe(false);
  });

  it('is not ready while its member is still a learner, and says so', async () => {
    const { t, ctx, opts } = setup(
      true,
      readyServer([{ type: 'EtcdIsVoter', status: 'False', reason: 'MemberIsLearner' }]),
    );
    await expect(waitForNode(t, ctx, opts)).rejects.toThrow(
      /cp-1 not ready after 0 s: .*its etcd member is a learner, not yet promoted to a voting member \(EtcdIsVoter=False \(MemberIsLearner\)\)/,
    );
  });

  it('fails at once, with what to do, when the datastore is sealed with another token', async () => {
    const { t, ctx } = setup(false);
    t.answers.unshift(
      [
        /systemctl show -p ActiveState/,
        () => ({
          stdout: 'ActiveState=activating\nSubState=auto-restart\nNRestarts=3\n',
          stderr: '',
          code: 0,
        }),
      ],
      [
        /journalctl/,
        () => ({
          stdout:
            'time="x" level=fatal msg="starting kubernetes: preparing server: bootstrap data already found and encrypted with different token"\n',
          stderr: '',
          code: 0,
        }),
      ],
    );
    const started = Date.now();
    await expect(
      waitForNode(t, ctx, { timeoutMs: 60_000, intervalMs: 10, since: { epoch: 0, restarts: 0 } }),
    ).rejects.toThrow(
      /rke2-server cannot join: the cluster's datastore is sealed with another token .*set cluster\.token/,
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reads the EtcdIsVoter condition from the Node alone', () => {
    expect(etcdVoterProblem(readyServer())).toBeUndefined();
    expect(etcdVoterProblem(readyServer([{ type: 'EtcdIsVoter', status: 'True' }]))).toBeUndefined();
    expect(
      etcdVoterProblem(
        readyServer([
          { type: 'EtcdIsVoter', status: 'False', reason: 'NotAMember', message: 'Node is not a member' },
        ]),
      ),
    ).toBe('EtcdIsVoter=False (NotAMember: Node is not a member)');
  });
});
