/**
 * What drift means for Nodes, which rigger does not apply but answers for: every inventory host
 * has a Node that is Ready, runs the pinned RKE2 and, on a server, has an etcd member that votes
 * (the `EtcdIsVoter` condition k3s's `manageLearners` sets); and every Node is an inventory host,
 * so a host dropped from the inventory is reported, never silently ignored.
 */
import type { V1Node } from '@kubernetes/client-node';
import type { Inventory } from '../inventory/types.generated.ts';
import type { ObjectDrift } from './drift.ts';

export interface NodeDrift {
  summary: string;
  object: ObjectDrift;
}

const condition = (n: V1Node, type: string) => n.status?.conditions?.find((c) => c.type === type);

function because(c: { reason?: string; message?: string } | undefined): string {
  if (!c?.reason && !c?.message) return '';
  return ` (${[c.reason, c.message].filter(Boolean).join(': ')})`;
}

/** Whether the cluster runs RKE2 at all: kind's kubelets (the nightly check) report plain versions. */
export function runsRke2(nodes: readonly V1Node[]): boolean {
  return nodes.some((n) => (n.status?.nodeInfo?.kubeletVersion ?? '').includes('+rke2'));
}

/** The drift of one inventory host's Node. */
function hostNodeDrift(node: V1Node, pinned: string, server: boolean, rke2: boolean): NodeDrift[] {
  const name = node.metadata?.name ?? '';
  const ref = `Node/${name}`;
  const out: NodeDrift[] = [];
  const ready = condition(node, 'Ready');
  if (ready?.status !== 'True')
    out.push({
      summary: `${ref} is not Ready: Ready=${ready?.status ?? 'unknown'}${because(ready)}`,
      object: {
        ref,
        kind: 'changed',
        fields: [{ path: 'status.conditions[Ready]', live: ready?.status, declared: 'True' }],
      },
    });
  const kubelet = node.status?.nodeInfo?.kubeletVersion;
  if (rke2 && kubelet !== pinned)
    out.push({
      summary: `${ref} runs kubelet ${kubelet ?? '(unknown)'}, the inventory pins RKE2 ${pinned}`,
      object: {
        ref,
        kind: 'changed',
        fields: [{ path: 'status.nodeInfo.kubeletVersion', live: kubelet, declared: pinned }],
      },
    });
  const voter = condition(node, 'EtcdIsVoter');
  if (server && voter && voter.status !== 'True')
    out.push({
      summary: `${ref}: its etcd member does not vote: EtcdIsVoter=${voter.status}${because(voter)}`,
      object: {
        ref,
        kind: 'changed',
        fields: [{ path: 'status.conditions[EtcdIsVoter]', live: voter.status, declared: 'True' }],
      },
    });
  return out;
}

/** Every way the cluster's Nodes differ from the inventory's hosts. */
export function nodeDrift(nodes: readonly V1Node[], inventory: Inventory): NodeDrift[] {
  const pinned = inventory.cluster.rke2.version;
  const rke2 = runsRke2(nodes);
  const byName = new Map(nodes.map((n) => [n.metadata?.name ?? '', n]));
  const out: NodeDrift[] = [];
  for (const h of inventory.hosts) {
    const node = byName.get(h.name);
    if (!node) {
      out.push({
        summary: `Node/${h.name} is missing: the inventory's host ${h.name} is not in the cluster`,
        object: { ref: `Node/${h.name}`, kind: 'missing', fields: [] },
      });
      continue;
    }
    out.push(...hostNodeDrift(node, pinned, h.roles.includes('control-plane'), rke2));
  }
  const hosts = new Set(inventory.hosts.map((h) => h.name));
  for (const name of byName.keys()) {
    if (hosts.has(name)) continue;
    out.push({
      summary: `Node/${name} is in the cluster but not in the inventory (remove it with rigger remove-node, or add it to the inventory)`,
      object: { ref: `Node/${name}`, kind: 'orphan', fields: [] },
    });
  }
  return out;
}
