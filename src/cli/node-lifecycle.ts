/** What `rigger remove-node` and `rigger replace-node` do; loaded only when one of them runs. */
import { join, resolve } from 'node:path';
import { CoreV1Api, type V1Node } from '@kubernetes/client-node';
import { ConfigError, RunError } from '../core/errors.ts';
import { Redactor } from '../core/redact.ts';
import { connectSsh } from '../hosts/ssh-transport.ts';
import { sshTargetFor } from '../hosts/ssh-target.ts';
import type { Transport } from '../hosts/transport.ts';
import { loadInventory } from '../inventory/load.ts';
import { resolveSecrets } from '../inventory/secrets.ts';
import type { Host, Inventory } from '../inventory/types.generated.ts';
import { healthyServerKubeconfig, type ServerSource } from '../kube/cluster-link.ts';
import { statusOf } from '../kube/object-ref.ts';
import { memberOfNode, removalSteps } from '../lifecycle/removal-steps.ts';
import { runSteps } from '../lifecycle/step.ts';
import type { RunEvent } from '../playbooks/events.ts';
import { Journal } from '../playbooks/journal.ts';
import { loadPlaybook, PLAYBOOKS_DIR } from '../playbooks/playbook.ts';
import { newRunId } from '../playbooks/runner.ts';
import { CLUSTER_TASKS } from '../tasks/cluster-registry.ts';
import { TASKS } from '../tasks/registry.ts';
import { etcdMemberHealth } from '../tasks/rke2-etcd-health.ts';
import { rke2Layout, rke2Role } from '../tasks/rke2-layout.ts';
import { writeLine, type CliIo } from './io.ts';
import { chooseOutput, createReporter } from './reporters/reporter.ts';
import { runPlaybookCommand, type RunFlags } from './run-playbook-command.ts';

export interface NodeFlags extends RunFlags {
  /** Seconds a drain may wait for PodDisruptionBudgets and evicted pods. */
  drainTimeout?: string;
  /** Delete pods that still cannot be evicted at the drain timeout. */
  force?: boolean;
}

const ROLE_LABEL = 'node-role.kubernetes.io/control-plane';

/** The node to remove as rigger knows it: from the inventory, else from its Node object. */
function oldHost(inventory: Inventory, name: string, node: V1Node | undefined): Host | undefined {
  const inInventory = inventory.hosts.find((h) => h.name === name);
  if (inInventory) return inInventory;
  if (!node) return undefined;
  const address = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
  const server = node.metadata?.labels?.[ROLE_LABEL] === 'true';
  const flatcar = /flatcar/i.test(node.status?.nodeInfo?.osImage ?? '');
  return {
    name,
    address,
    roles: server ? ['control-plane'] : ['worker'],
    os: flatcar ? 'flatcar' : 'ubuntu',
    labels: {},
    taints: [],
  };
}

async function tryConnect(
  inventory: Inventory,
  host: Host,
  redactor: Redactor,
): Promise<Transport | undefined> {
  try {
    return await connectSsh(sshTargetFor(inventory, host), { redactor });
  } catch {
    return undefined;
  }
}

/**
 * Removes a node the quorum-safe way (rke2.md section 4); with `replacement`, then joins that
 * host in its place. Every precondition is checked, and refused with its reason, before anything
 * changes.
 */
export async function removeOrReplace(
  file: string,
  oldName: string,
  replacement: string | undefined,
  flags: NodeFlags,
  io: CliIo,
): Promise<void> {
  const command = replacement ? 'replace-node' : 'remove-node';
  const loaded = await loadInventory(file, { env: io.env, cwd: io.cwd });
  const { inventory } = loaded;
  const redactor = new Redactor();
  resolveSecrets(loaded, io.env, redactor);
  const drainTimeout = Number(flags.drainTimeout ?? 300);
  if (!(Number.isFinite(drainTimeout) && drainTimeout > 0))
    throw ConfigError.plain(
      '--drain-timeout',
      `must be a positive number of seconds, got "${flags.drainTimeout}"`,
    );
  const newHost = replacement === undefined ? undefined : inventory.hosts.find((h) => h.name === replacement);
  if (replacement !== undefined && !newHost)
    throw ConfigError.plain(
      file,
      `no host named ${replacement}: add it to the inventory with the roles ${oldName} has, then run replace-node`,
    );
  if (replacement === oldName) throw ConfigError.plain(file, 'the old and the new host are the same');

  // A healthy server other than the old one: the API and etcd are read through it.
  const connections: Transport[] = [];
  try {
    const sources: ServerSource[] = inventory.hosts
      .filter((h) => h.name !== oldName && h.name !== replacement && rke2Role(h) === 'server')
      .map((h) => ({
        name: h.name,
        address: h.address,
        transport: async () => {
          const t = await connectSsh(sshTargetFor(inventory, h), { redactor });
          connections.push(t);
          return t;
        },
      }));
    const healthy = await healthyServerKubeconfig(sources);
    const peerHost = inventory.hosts.find((h) => h.name === healthy.server.name) as Host;
    const peer = {
      name: peerHost.name,
      transport: await healthy.server.transport(),
      layout: rke2Layout(peerHost),
    };
    const kc = healthy.kubeConfig;
    const core = kc.makeApiClient(CoreV1Api);
    const node = await core.readNode({ name: oldName }).catch((e: unknown) => {
      if (statusOf(e) === 404) return undefined;
      throw e;
    });
    const old = oldHost(inventory, oldName, node);
    if (!old)
      throw ConfigError.plain(
        file,
        `no host or Node named ${oldName}: neither the inventory nor the cluster knows it`,
      );
    const role = rke2Role(old);

    // Preconditions, each refused with its reason.
    if (newHost) {
      const want = [...old.roles].sort().join(', ');
      const have = [...newHost.roles].sort().join(', ');
      if (want !== have)
        throw ConfigError.plain(
          file,
          `${replacement} has roles [${have}], ${oldName} has [${want}]: set roles: [${want}] on ${replacement}`,
        );
    }
    if (role === 'server') {
      const members = await etcdMemberHealth(peer.transport);
      const own = memberOfNode(members, oldName, old.address);
      const others = members.filter((m) => m !== own);
      const sick = others.filter((m) => !m.healthy);
      if (sick.length)
        throw new RunError(
          `refusing to remove ${oldName}: etcd member(s) ${sick.map((m) => `${m.name} (${m.seen ?? 'unhealthy'})`).join(', ')} ` +
            `not healthy; with ${oldName} gone too, ${others.length - sick.length} of ${others.length} members would be left: bring the other member back first`,
        );
      if (!newHost) {
        const servers = (await core.listNode({ labelSelector: `${ROLE_LABEL}=true` })).items.filter(
          (n) => n.metadata?.name !== oldName,
        ).length;
        const required = inventory.cluster.allowSingleServer ? 1 : 3;
        if (servers < required)
          throw new RunError(
            `refusing to remove ${oldName}: ${servers} control-plane node(s) would be left and the inventory requires ${required}; use rigger replace-node ${file} ${oldName} <new host>`,
          );
      }
      writeLine(
        io.stderr,
        `etcd: ${members.length} member(s); the others are healthy (seen from ${peer.name})`,
      );
    }
    const self = await tryConnect(inventory, old, redactor);
    if (self) connections.push(self);
    if (newHost) {
      const t = await tryConnect(inventory, newHost, redactor);
      if (!t)
        throw new RunError(
          `${replacement} does not answer over SSH at ${newHost.address}: nothing was changed`,
        );
      connections.push(t);
    }

    const runId = newRunId();
    const journal = new Journal(join(io.cwd, '.rigger', 'runs'), runId, redactor);
    const reporter = await createReporter(chooseOutput(flags.output, io), io, flags.verbose);
    const events: RunEvent[] = [];
    const emit = (e: RunEvent): void => {
      events.push(e);
      journal.record(e);
      reporter.listener(e);
    };
    const started = Date.now();
    emit({ type: 'run-start', runId, playbook: command, dryRun: flags.dryRun ?? false, hosts: [oldName] });
    emit({ type: 'phase-start', phase: 'remove', hosts: [oldName] });
    const ok = await runSteps(
      removalSteps({
        node: oldName,
        address: old.address,
        role,
        layout: rke2Layout(old),
        kc,
        peer,
        ...(self ? { self } : {}),
        drain: { timeoutMs: drainTimeout * 1000, force: flags.force ?? false },
        snapshotName: `rigger-${command}-${oldName}`,
        log: (line) => emit({ type: 'host', host: oldName, level: 'info', message: line }),
      }),
      { host: oldName, phase: 'remove', dryRun: flags.dryRun ?? false, redactor, emit },
    );
    emit({ type: 'phase-end', phase: 'remove' });
    const results = events.flatMap((e) => (e.type === 'task' ? [e.result] : []));
    emit({
      type: 'run-end',
      summary: {
        runId,
        dryRun: flags.dryRun ?? false,
        hosts: [
          {
            host: oldName,
            ok: results.filter((r) => r.status === 'ok').length,
            changed: results.filter((r) => r.status === 'changed').length,
            failed: results.filter((r) => r.status === 'failed').length,
            skipped: results.filter((r) => r.status === 'skipped').length,
            execs: self?.execCount ?? 0,
          },
        ],
        failed: !ok,
        durationMs: Date.now() - started,
        journal: journal.path,
      },
    });
    await reporter.flush();
    if (!ok)
      throw new RunError(
        `${command} stopped while removing ${oldName}; run it again to resume; see ${journal.path}`,
      );

    if (newHost && replacement) {
      const playbook = await loadPlaybook(join(PLAYBOOKS_DIR, 'provision.yaml'), TASKS, CLUSTER_TASKS);
      const hostPhases = playbook.phases.filter((p) => p.target === 'hosts').map((p) => p.name);
      await runPlaybookCommand(
        resolve(io.cwd, file),
        { ...flags, limit: replacement, only: hostPhases.join(',') },
        io,
        command,
      );
    }
    if (!flags.dryRun) {
      writeLine(io.stdout, `\nStill to do by you:`);
      if (inventory.hosts.some((h) => h.name === oldName))
        writeLine(io.stdout, `- remove ${oldName} from ${file}`);
      if (role === 'server')
        writeLine(
          io.stdout,
          `- the load balancer at ${inventory.cluster.registrationAddress} (9345, 6443): drop ${old.address}` +
            (newHost ? `, add ${newHost.address}` : ''),
        );
    }
  } finally {
    await Promise.all(connections.map((t) => t.close().catch(() => undefined)));
  }
}
