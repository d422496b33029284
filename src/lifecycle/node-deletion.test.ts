import type { V1Node } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { Redactor } from '../core/redact.ts';
import type { RunEvent } from '../engine/events.ts';
import { FakeEtcdCluster } from '../tasks/rke2/rke2-etcd-fake.ts';
import { deleteNodeStep, etcdMemberStep, type NodeApi, type NodeDeletion } from './node-deletion.ts';
import { runOperation } from '../engine/manager.ts';
import { engineStep } from './step.ts';

const FINALIZERS = ['wrangler.cattle.io/node', 'wrangler.cattle.io/managed-etcd-controller'];

/**
 * Nodes as RKE2 keeps them: a delete only marks a Node with finalizers Terminating; RKE2's member
 * controller removes its etcd member (found by the node-name annotation) and then the finalizers,
 * `controllerDelay` reads later (`Infinity`: never, as when its controller is stuck; `'member'`:
 * only once the member is gone, whoever removed it).
 */
class RkeNodes implements NodeApi {
  readonly nodes = new Map<string, V1Node>();
  reads = 0;
  constructor(
    readonly etcd: FakeEtcdCluster,
    readonly controllerDelay: number | 'member',
  ) {}

  add(name: string, etcdName: string): void {
    this.nodes.set(name, {
      metadata: {
        name,
        finalizers: [...FINALIZERS],
        annotations: { 'etcd.rke2.cattle.io/node-name': etcdName },
      },
    });
  }

  read(name: string): Promise<V1Node | undefined> {
    this.reads++;
    const n = this.nodes.get(name);
    if (n?.metadata?.deletionTimestamp) this.reconcile(name, n);
    return Promise.resolve(this.nodes.get(name));
  }

  private reconcile(name: string, n: V1Node): void {
    const etcdName = n.metadata?.annotations?.['etcd.rke2.cattle.io/node-name'];
    const memberGone = !this.etcd.members.some((m) => m.name === etcdName);
    if (this.controllerDelay === 'member' ? memberGone : this.reads >= this.controllerDelay) {
      this.etcd.members.splice(
        0,
        this.etcd.members.length,
        ...this.etcd.members.filter((m) => m.name !== etcdName),
      );
      this.nodes.delete(name);
    }
  }

  delete(name: string): Promise<void> {
    const n = this.nodes.get(name);
    if (n?.metadata) n.metadata.deletionTimestamp = new Date('2026-12-01T20:00:00Z');
    return Promise.resolve();
  }
}

function setup(controllerDelay: number | 'member', nodeGoneMs = 400) {
  const etcd = new FakeEtcdCluster([
    { id: '11', name: 'cp-1-0a1b2c3d', address: '10.0.0.11' },
    { id: '12', name: 'cp-2-1a2b3c4d', address: '10.0.0.12' },
    { id: '13', name: 'cp-0f0f0f0f', address: '10.0.0.13' },
  ]);
  const nodes = new RkeNodes(etcd, controllerDelay);
  nodes.add('cp', 'cp-0f0f0f0f');
  const log: string[] = [];
  const d: NodeDeletion = {
    node: 'cp',
    address: '10.0.0.13',
    role: 'server',
    etcdName: 'cp-0f0f0f0f',
    nodes,
    peer: { name: 'cp-2', transport: etcd.server('cp-2', '10.0.0.12') },
    waits: { nodeGoneMs, pollMs: 5 },
    log: (l) => log.push(l),
  };
  return { etcd, nodes, d, log };
}

/** The two steps as the manager runs a removal: one target phase, no hosts, no locks. */
async function run(d: NodeDeletion) {
  const events: RunEvent[] = [];
  const summary = await runOperation(
    {
      name: 'remove-node',
      hosts: [],
      probes: () => [],
      cluster: () => ({
        node: () => Promise.resolve(undefined),
        kubeConfig: () => Promise.reject(new Error('no cluster')),
      }),
      phases: [
        {
          kind: 'target',
          name: 'remove',
          target: d.node,
          lease: false,
          steps: () => [deleteNodeStep(d), etcdMemberStep(d)].map(engineStep),
        },
      ],
    },
    {
      connect: () => Promise.reject(new Error('no hosts')),
      redactor: new Redactor(),
      listeners: [(e) => events.push(e)],
      runId: 'test',
      dryRun: false,
      takeLocks: false,
      lockOwner: { owner: 'test', command: 'remove-node' },
      parallel: 1,
    },
  );
  return { ok: !summary.failed, results: events.flatMap((e) => (e.type === 'task' ? [e.result] : [])) };
}

describe('deleting a server Node on RKE2', () => {
  it('waits while the Node is Terminating and RKE2 removes its etcd member', async () => {
    const { etcd, nodes, d, log } = setup(4);
    const { ok, results } = await run(d);
    expect(results.map((r) => [r.task, r.status, r.message])).toEqual([
      ['delete-node', 'changed', undefined],
      ['etcd-member', 'ok', undefined],
    ]);
    expect(ok).toBe(true);
    expect(nodes.nodes.has('cp')).toBe(false);
    expect(etcd.members.map((m) => m.name)).toEqual(['cp-1-0a1b2c3d', 'cp-2-1a2b3c4d']);
    expect(log).toEqual([]);
  });

  it('removes the member itself when RKE2 has not, so the finalizer lets go', async () => {
    const { etcd, nodes, d, log } = setup('member', 100);
    const { ok } = await run(d);
    expect(ok).toBe(true);
    expect(nodes.nodes.has('cp')).toBe(false);
    expect(etcd.members.map((m) => m.id)).toEqual(['11', '12']);
    expect(log).toEqual(['cp: RKE2 has not removed etcd member cp-0f0f0f0f yet; removing it through cp-2']);
  });

  it('fails with a clear message when the Node stays Terminating, and resumes as a wait', async () => {
    const { d } = setup(Infinity, 60);
    const { ok, results } = await run(d);
    expect(ok).toBe(false);
    expect(results[0]?.message).toMatch(
      /^Node cp is still there 0 s after its deletion \(Terminating since .*, held by wrangler\.cattle\.io\/node, wrangler\.cattle\.io\/managed-etcd-controller\): RKE2 lets a server's Node go once its etcd member is removed; see the RKE2 journal on cp-2; run the command again to go on waiting$/,
    );
    await expect(deleteNodeStep(d).check()).resolves.toMatch(/^wait for Node cp to go \(Terminating since/);
  });

  it("never takes another node's member for its own: removing cp leaves cp-1's", async () => {
    const { etcd, d } = setup(0);
    etcd.members.splice(2, 1); // cp's own member is already gone
    const { etcdName: _, ...noAnnotation } = d;
    await expect(etcdMemberStep({ ...noAnnotation, address: '10.0.0.99' }).check()).resolves.toBeUndefined();
  });
});
