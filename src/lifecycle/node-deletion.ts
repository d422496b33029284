/**
 * The two removal steps that end a node's membership: its Node object, and (on a server) its etcd
 * member. Neither is immediate on RKE2. Server Nodes carry the finalizers `wrangler.cattle.io/node`
 * and `wrangler.cattle.io/managed-etcd-controller`: a deleted one stays Terminating until RKE2's
 * member controller has removed its etcd member (k3s `pkg/etcd/member_controller.go`, `onRemove`
 * calls `RemovePeer` with the Node's etcd name and address annotations; a member that is already
 * gone counts as removed). So rigger deletes the Node and waits, bounded; a Terminating Node is
 * work in progress, never a failure of its own.
 */
import { CoreV1Api, type KubeConfig, type V1Node } from '@kubernetes/client-node';
import { RunError } from '../core/errors.ts';
import type { Transport } from '../hosts/transport.ts';
import { statusOf } from '../kube/object-ref.ts';
import {
  etcdMemberList,
  isMemberOf,
  removeEtcdMember,
  type EtcdMember,
} from '../tasks/rke2/rke2-etcd-health.ts';
import type { LifecycleStep } from './step.ts';

/** The Node reads and writes removal needs: the API in production, a fake in unit tests. */
export interface NodeApi {
  read(name: string): Promise<V1Node | undefined>;
  delete(name: string): Promise<void>;
}

export function nodeApi(kc: KubeConfig): NodeApi {
  const core = kc.makeApiClient(CoreV1Api);
  return {
    read: async (name) => {
      try {
        return await core.readNode({ name });
      } catch (e) {
        if (statusOf(e) === 404) return undefined;
        throw e;
      }
    },
    delete: async (name) => {
      try {
        await core.deleteNode({ name });
      } catch (e) {
        if (statusOf(e) !== 404) throw e;
      }
    },
  };
}

/** What these steps work with. */
export interface NodeDeletion {
  node: string;
  address: string;
  role: 'server' | 'agent';
  /** The Node's `etcd.rke2.cattle.io/node-name`, read before the Node was deleted. */
  etcdName?: string;
  nodes: NodeApi;
  /** A healthy server: its local etcd gateway lists and removes members. */
  peer: { name: string; transport: Transport };
  /** How long a deleted Node may stay Terminating, and how often to look. */
  waits: { nodeGoneMs: number; pollMs: number };
  log: (line: string) => void;
}

/** The node's own etcd member, matched exactly (never by name prefix). */
export function memberOfNode(
  members: readonly EtcdMember[],
  d: Pick<NodeDeletion, 'node' | 'address' | 'etcdName'>,
): EtcdMember | undefined {
  return members.find((m) => isMemberOf(m, { name: d.node, address: d.address, annotatedName: d.etcdName }));
}

const sleep = (ms: number): Promise<void> => new Promise((res) => setTimeout(res, ms));

function terminating(n: V1Node): string {
  const fins = n.metadata?.finalizers ?? [];
  return `Terminating since ${String(n.metadata?.deletionTimestamp ?? '?')}${fins.length ? `, held by ${fins.join(', ')}` : ''}`;
}

/**
 * Waits for the deleted Node to go. Past half the time, a server's member that RKE2 has still not
 * removed is removed through the peer's etcd (its controller then finds it gone and lets go).
 */
async function waitNodeGone(d: NodeDeletion): Promise<void> {
  const started = Date.now();
  let removedMember = false;
  for (;;) {
    const n = await d.nodes.read(d.node);
    if (!n) return;
    const elapsed = Date.now() - started;
    if (d.role === 'server' && !removedMember && elapsed >= d.waits.nodeGoneMs / 2) {
      removedMember = true;
      const m = memberOfNode(await etcdMemberList(d.peer.transport), d);
      if (m) {
        d.log(
          `${d.node}: RKE2 has not removed etcd member ${m.name} yet; removing it through ${d.peer.name}`,
        );
        await removeEtcdMember(d.peer.transport, m.id);
      }
    }
    if (elapsed >= d.waits.nodeGoneMs)
      throw new RunError(
        `Node ${d.node} is still there ${Math.round(elapsed / 1000)} s after its deletion (${terminating(n)}): ` +
          (d.role === 'server'
            ? `RKE2 lets a server's Node go once its etcd member is removed; see the RKE2 journal on ${d.peer.name}`
            : 'RKE2 on the servers clears the finalizers; see their RKE2 journal') +
          '; run the command again to go on waiting',
      );
    await sleep(d.waits.pollMs);
  }
}

export function deleteNodeStep(d: NodeDeletion): LifecycleStep {
  return {
    id: 'delete-node',
    title: `delete Node ${d.node}`,
    check: async () => {
      const n = await d.nodes.read(d.node);
      if (!n) return undefined;
      return n.metadata?.deletionTimestamp
        ? `wait for Node ${d.node} to go (${terminating(n)})`
        : `delete Node ${d.node}`;
    },
    apply: async () => {
      const n = await d.nodes.read(d.node);
      if (n && !n.metadata?.deletionTimestamp) await d.nodes.delete(d.node);
      await waitNodeGone(d);
    },
  };
}

/** The member gone too: normally RKE2 removed it with the Node; otherwise rigger removes it. */
export function etcdMemberStep(d: NodeDeletion): LifecycleStep {
  return {
    id: 'etcd-member',
    title: `etcd member of ${d.node} gone`,
    check: async () => {
      const m = memberOfNode(await etcdMemberList(d.peer.transport), d);
      return m ? `remove etcd member ${m.name || '(unstarted)'} (${m.id})` : undefined;
    },
    apply: async () => {
      const deadline = Date.now() + Math.min(15_000, d.waits.nodeGoneMs / 2);
      for (;;) {
        const m = memberOfNode(await etcdMemberList(d.peer.transport), d);
        if (!m) return;
        if (Date.now() >= deadline) {
          d.log(
            `${d.node}: RKE2 did not remove etcd member ${m.name || m.id}; removing it through ${d.peer.name}`,
          );
          await removeEtcdMember(d.peer.transport, m.id);
          return;
        }
        await sleep(d.waits.pollMs);
      }
    },
  };
}
