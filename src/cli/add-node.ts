/** What `rigger add-node` does; loaded only when it runs. */
import { ConfigError, RunError } from '../core/errors.ts';
import { Redactor } from '../core/redact.ts';
import { loadInventory } from '../inventory/load.ts';
import type { Host, Inventory } from '../inventory/types.generated.ts';
import { loadPlaybook, PLAYBOOKS_DIR } from '../playbooks/playbook.ts';
import { CLUSTER_TASKS } from '../tasks/cluster/cluster-registry.ts';
import { TASKS } from '../tasks/registry.ts';
import { etcdMemberHealth, type EtcdServer, type MemberHealth } from '../tasks/rke2/rke2-etcd-health.ts';
import { rke2Role } from '../tasks/rke2/rke2-layout.ts';
import { join, resolve } from 'node:path';
import type { HostRun } from '../engine/host-run.ts';
import type { OpenHost } from '../engine/operation.ts';
import { writeLine, type CliIo } from './io.ts';
import { runPlaybookCommand, type RunFlags } from './run-playbook-command.ts';

/**
 * Every etcd member's health, each read on its own server (RKE2's etcd answers HTTP only on
 * loopback; the joining host too, so a rerun finds its own member healthy): the other servers
 * opened read-only by the run's manager, the member list from the first that answers. A RunError
 * when none does.
 */
async function membersSeenByOthers(
  inventory: Inventory,
  joining: Host,
  runs: ReadonlyMap<string, HostRun>,
  open: OpenHost,
  redactor: Redactor,
): Promise<{ from: string; members: MemberHealth[] }> {
  const hosts = inventory.hosts.filter((x) => x === joining || rke2Role(x) === 'server');
  const opened = await Promise.all(
    hosts.map((h) => (h === joining ? Promise.resolve(runs.get(h.name)) : open(h, { readOnly: true }))),
  );
  const servers: EtcdServer[] = hosts.map((h, i) => {
    const transport = opened[i]?.transport;
    return { name: h.name, address: h.address, ...(transport ? { transport } : {}) };
  });
  const seen: string[] = [];
  for (const [i, from] of servers.entries()) {
    const host = hosts[i] as Host;
    if (host === joining) continue;
    if (!from.transport) {
      seen.push(`${host.name} does not answer over SSH at ${host.address}: ${opened[i]?.unreachable ?? '?'}`);
      continue;
    }
    try {
      return {
        from: from.name,
        members: await etcdMemberHealth({ ...from, transport: from.transport }, servers),
      };
    } catch (e) {
      seen.push(`${from.name}: ${redactor.redact(e instanceof Error ? e.message : String(e))}`);
    }
  }
  throw new RunError(
    `no other server answered with its etcd member list: ${seen.join('; ') || 'none in the inventory'}`,
  );
}

/** A server joins only when every etcd member is healthy: a new member while one is down could cost quorum. */
async function refuseUnlessQuorumSafe(
  inventory: Inventory,
  host: Host,
  runs: ReadonlyMap<string, HostRun>,
  open: OpenHost,
  io: CliIo,
): Promise<void> {
  const { from, members } = await membersSeenByOthers(
    inventory,
    host,
    runs,
    open,
    io.redactor ?? new Redactor(),
  );
  if (members.length === 0)
    throw new RunError(`${from} lists no etcd members: there is no cluster to add to; run rigger provision`);
  const sick = members.filter((m) => !m.healthy);
  if (sick.length)
    throw new RunError(
      `refusing to add server ${host.name}: etcd member(s) not healthy (list from ${from}, health from each server): ` +
        `${sick.map((m) => `${m.name || m.id} (${m.server ?? m.peerURLs[0] ?? '?'}): ${m.seen ?? '?'}`).join('; ')}; ` +
        'a new member while one is down could cost the cluster its quorum: bring it back or remove it first',
    );
  writeLine(io.stderr, `etcd: ${members.length} member(s), all healthy voters (list from ${from})`);
}

/**
 * `rigger add-node <inventory> <host>`: prepares a host already in the inventory and joins it
 * with its roles, changing nothing on any other host (they are read, never locked or written:
 * the run is limited to the new host, and its journal shows it). A server joins only when every
 * etcd member is healthy: a new member while one is down could cost quorum.
 */
export async function addNode(file: string, name: string, flags: RunFlags, io: CliIo): Promise<void> {
  const { inventory } = await loadInventory(file, { env: io.env, cwd: io.cwd });
  const host = inventory.hosts.find((h) => h.name === name);
  if (!host)
    throw ConfigError.plain(
      file,
      `no host named ${name}: add it to the inventory (name, address, roles, os) first, then run add-node`,
    );
  const playbook = await loadPlaybook(
    resolve(io.cwd, flags.playbook ?? join(PLAYBOOKS_DIR, 'provision.yaml')),
    TASKS,
    CLUSTER_TASKS,
  );
  const hostPhases = playbook.phases.filter((p) => p.target === 'hosts').map((p) => p.name);
  // The new host is opened and locked by the run's manager; under that lock, before any change, a
  // server's join is refused unless etcd can take a new member (the other servers only read).
  const preflight =
    rke2Role(host) === 'server'
      ? (runs: ReadonlyMap<string, HostRun>, open: OpenHost) =>
          refuseUnlessQuorumSafe(inventory, host, runs, open, io)
      : undefined;
  await runPlaybookCommand(file, { ...flags, limit: name, only: hostPhases.join(',') }, io, 'add-node', {
    ...(preflight ? { preflight } : {}),
  });
}
