/**
 * What must hold before a node is removed, each refused with its reason: a replacement with the
 * old node's roles; on a server, every other etcd member a healthy voter (each read on its own
 * server) and, without a replacement, enough servers left.
 */
import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import { ConfigError, RunError } from '../core/errors.ts';
import type { Transport } from '../hosts/transport.ts';
import type { Host } from '../inventory/types.generated.ts';
import { etcdMemberHealth, isMemberOf, type EtcdServer } from '../tasks/rke2/rke2-etcd-health.ts';
import { memberOfNode } from './node-deletion.ts';

const ROLE_LABEL = 'node-role.kubernetes.io/control-plane';

export interface RemovalCheck {
  file: string;
  oldName: string;
  old: Host;
  role: 'server' | 'agent';
  /** The old Node's `etcd.rke2.cattle.io/node-name`. */
  etcdName?: string;
  newHost?: Host;
  /** The healthy server the member list is read from. */
  peer: EtcdServer & { transport: Transport };
  /** Every server whose member may be listed (the old one too), connected when it answers. */
  servers: readonly EtcdServer[];
  kc: KubeConfig;
  requiredServers: number;
}

/** Throws when the removal must not start; otherwise what was checked, for the operator. */
export async function checkRemoval(c: RemovalCheck): Promise<string | undefined> {
  const { oldName, old, newHost, file } = c;
  if (newHost) {
    const want = [...old.roles].sort().join(', ');
    const have = [...newHost.roles].sort().join(', ');
    if (want !== have)
      throw ConfigError.plain(
        file,
        `${newHost.name} has roles [${have}], ${oldName} has [${want}]: set roles: [${want}] on ${newHost.name}`,
      );
  }
  if (c.role !== 'server') return undefined;
  const members = await etcdMemberHealth(c.peer, c.servers);
  const own = memberOfNode(members, { node: oldName, address: old.address, etcdName: c.etcdName });
  const stale = newHost && members.find((m) => isMemberOf(m, newHost));
  if (stale)
    throw new RunError(
      `refusing to replace ${oldName} with ${newHost.name}: ${newHost.name} already has etcd member ${stale.name || stale.id}; ` +
        `it is still in the cluster: remove it first (rigger remove-node ${file} ${newHost.name})`,
    );
  const rest = members.filter((m) => m !== own);
  const sick = rest.filter((m) => !m.healthy);
  if (sick.length)
    throw new RunError(
      `refusing to remove ${oldName}: etcd member(s) ${sick.map((m) => `${m.name || m.id} (${m.seen ?? 'unhealthy'})`).join(', ')} ` +
        `not healthy; with ${oldName} gone too, ${rest.length - sick.length} of ${rest.length} members would be left: bring the other member back first`,
    );
  if (!newHost) {
    const core = c.kc.makeApiClient(CoreV1Api);
    const left = (await core.listNode({ labelSelector: `${ROLE_LABEL}=true` })).items.filter(
      (n) => n.metadata?.name !== oldName,
    ).length;
    if (left < c.requiredServers)
      throw new RunError(
        `refusing to remove ${oldName}: ${left} control-plane node(s) would be left and the inventory requires ${c.requiredServers}; use rigger replace-node ${file} ${oldName} <new host>`,
      );
  }
  return `etcd: ${members.length} member(s); the others are healthy voters (each read on its own server)`;
}
